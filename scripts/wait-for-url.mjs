// Waits (up to two minutes) until a URL answers 200; used to order app start-ups in tests.
const url = process.argv[2];
const deadline = Date.now() + 120_000;
while (Date.now() < deadline) {
  try {
    const response = await fetch(url);
    if (response.ok) process.exit(0);
  } catch {
    // not up yet
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
}
console.error(`${url} did not answer within two minutes.`);
process.exit(1);
