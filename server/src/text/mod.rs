//! Text positions: byte offsets, lines and columns in UTF-8, UTF-16 or chars.
