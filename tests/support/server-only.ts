// Intentionally empty: lets tests import server-only modules outside Next.
