// Runs dynalite in a process of its own, which the local server supervises (store-supervisor.ts): its
// memory is its own (and capped), and a crash or a hang is seen and repaired instead of leaving the
// server answering SERVICE_UNAVAILABLE. Plain JavaScript: Node starts it without a TS loader.
import dynalite from 'dynalite';

const path = process.env.TIDE_DYNALITE_PATH || undefined;
const port = Number(process.env.TIDE_DYNALITE_PORT || 0);
const server = dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.on('error', (err) => {
  process.send?.({ error: String(err) });
  process.exit(1);
});
// Requests in flight and when the last one ended: a planned restart (for memory) waits for a quiet
// store, so it never cuts a load or an ingest run (another process) in the middle.
let inFlight = 0;
let lastEnded = Date.now();
server.on('request', (req, res) => {
  if (req.headers['x-tide-health-check']) return; // the supervisor's own check (store-supervisor.ts)
  inFlight++;
  res.once('close', () => {
    inFlight--;
    lastEnded = Date.now();
  });
});
server.listen(port, '127.0.0.1', () => process.send?.({ port: server.address().port }));
process.on('message', (msg) => {
  if (msg === 'close') {
    server.close(() => process.send?.({ closed: true }, () => process.exit(0)));
    server.closeIdleConnections?.(); // kept-alive sockets of the server's clients would hold close() open
  }
  // the supervisor's memory check, the same on every platform
  if (msg === 'memory') process.send?.({ rss: process.memoryUsage.rss(), quietMs: inFlight ? 0 : Date.now() - lastEnded });
});
// the server went away without closing us: do not outlive it
process.on('disconnect', () => process.exit(0));
