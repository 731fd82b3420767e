"""Everything that touches the disk: encrypted store, keys, header, lock, audit log."""
