-- One row that start-up work locks (SELECT ... FOR UPDATE, system.StartupLock) for the length of its transaction:
-- nodes of a cluster that start together seed roles, demo people, filters and rules one after the other, so a
-- "create if missing" never runs twice at once (two nodes both creating a group: one fails to start).
CREATE TABLE startup_lock (
    name VARCHAR(50) PRIMARY KEY
);
INSERT INTO startup_lock (name) VALUES ('seeding');
