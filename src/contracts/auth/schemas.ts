import { z } from "zod";
import { refuseHiddenCharacters } from "@/contracts/hidden-characters";

const email = z
  .string()
  .superRefine(refuseHiddenCharacters("name"))
  .trim()
  .toLowerCase()
  .email("Enter an email address like name@example.com")
  .max(254);

export const signInSchema = z.object({
  email,
  password: z.string().min(1, "Enter your password").max(128, "Passwords are at most 128 characters"),
  /** Checked against the app's origin by safeRedirectPath where it is used. */
  next: z.string().max(2000).optional(),
});

export const newPassword = z
  .string()
  .min(10, "Use at least 10 characters")
  .max(128, "Use at most 128 characters");

const passwordChangeFields = {
  currentPassword: z
    .string()
    .min(1, "Enter your current password")
    .max(128, "Passwords are at most 128 characters"),
  newPassword,
  confirmPassword: z.string(),
};

type PasswordChange = { currentPassword: string; newPassword: string; confirmPassword: string };

const newPasswordRules = <Schema extends z.ZodType<PasswordChange>>(schema: Schema) =>
  schema
    .refine((input) => input.newPassword === input.confirmPassword, {
      path: ["confirmPassword"],
      message: "The two new passwords do not match",
    })
    .refine((input) => input.newPassword !== input.currentPassword, {
      path: ["newPassword"],
      message: "Choose a new password, not the current one",
    });

export const changePasswordSchema = newPasswordRules(z.object(passwordChangeFields));

/**
 * Replacing a password an admin set, at the first sign-in with it: the same fields, and where the
 * person was going (checked against the app's origin by safeRedirectPath where it is used).
 */
export const replaceAdminSetPasswordSchema = newPasswordRules(
  z.object({ ...passwordChangeFields, next: z.string().max(2000).optional() }),
);

export const firstAdminSchema = z
  .object({
    name: z.string().trim().min(1, "Enter your name").max(120).superRefine(refuseHiddenCharacters("name")),
    email,
    password: newPassword,
    confirmPassword: z.string(),
  })
  .refine((input) => input.password === input.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two passwords do not match",
  });
