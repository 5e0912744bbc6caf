"""Writers and readers for Onward's files: JSON backups, CSV, and (later) ICS. Pure where
possible: functions take and return plain data, the services do the I/O and transactions."""
