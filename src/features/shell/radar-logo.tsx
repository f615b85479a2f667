export function RadarLogo({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" className={className} aria-hidden="true" focusable="false">
      <circle cx="16" cy="16" r="15" fill="#0f172a" />
      <circle cx="16" cy="16" r="10" fill="none" stroke="#38bdf8" strokeWidth="1.5" />
      <circle cx="16" cy="16" r="5" fill="none" stroke="#38bdf8" strokeWidth="1.5" />
      <path d="M16 16 L27 9" stroke="#f59e0b" strokeWidth="2.5" strokeLinecap="round" />
      <circle cx="22" cy="12.5" r="2" fill="#f59e0b" />
    </svg>
  );
}
