// `npm start` until the console exists: say what DutyDesk will be, and exit cleanly.
console.log(`DutyDesk ${process.env.npm_package_version ?? ''}: the desktop console for support teams that live by an SLA.
Built so far: the SLA engine (shared/sla), run its tests with \`npm test\` and its benchmark with \`npm run bench\`.
Coming next: the ticket service (issue 3) and the desktop console (issue 4); \`npm start\` will then open the app.`);
