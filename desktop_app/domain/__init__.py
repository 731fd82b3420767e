"""Pure domain rules: standard library only. No Qt, no SQL, no files."""
