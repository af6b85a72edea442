// Fault injection for tests, loaded with `node -r` into a real service process: the first response to a
// request whose `METHOD path` starts with KILL_VOOR_ANTWOORD (e.g. `POST /api/v1/klachten`) and that
// succeeded kills the process with SIGKILL at the moment the reply would be written. The handler has
// committed; the client never hears back. No production code knows about this.
const http = require('node:http');

const doel = process.env.KILL_VOOR_ANTWOORD;
if (doel) {
  const end = http.ServerResponse.prototype.end;
  http.ServerResponse.prototype.end = function killVoorAntwoord(...args) {
    const req = this.req;
    if (req && `${req.method} ${req.url}`.startsWith(doel) && this.statusCode < 400) {
      process.kill(process.pid, 'SIGKILL');
    }
    return end.apply(this, args);
  };
}
