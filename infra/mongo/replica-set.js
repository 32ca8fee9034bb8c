// Health check of the `mongo` service (run with mongosh inside the container, see docker-compose.yml).
// It doubles as the replica-set initialiser: the first run on an empty data volume initiates rs0 with this
// single member; every later run finds the set already configured and only reports. The check passes only
// while this member is a writable primary, so services that wait for `service_healthy` can write at once.
//
// The member's host name is the compose service name: the services reach it as mongo:27017, and the
// drivers use the host names from the replica-set configuration after the first contact.
const REPLICA_SET = 'rs0';
const MEMBER = 'mongo:27017';

try {
  rs.status();
} catch (e) {
  // 94 = NotYetInitialized: a fresh volume. Anything else is a real failure and fails the check.
  if (e.code !== 94) {
    throw e;
  }
  rs.initiate({ _id: REPLICA_SET, members: [{ _id: 0, host: MEMBER }] });
}

if (!db.hello().isWritablePrimary) {
  // Elections take a moment after initiate; the next run of the check sees the primary.
  quit(1);
}
