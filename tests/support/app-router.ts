/**
 * The app router as the kit's Link needs it, for components rendered to markup outside Next.js:
 * Link prefetches through the router when a link is reached for, which never happens in these
 * renders, so the prefetch does nothing.
 */
export const appRouterForMarkup = {
  useRouter: () => ({ prefetch: () => undefined }),
};
