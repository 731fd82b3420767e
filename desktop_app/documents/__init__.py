"""PDF documents built in memory with reportlab: bytes in, bytes out."""
