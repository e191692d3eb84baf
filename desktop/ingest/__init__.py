"""Turning files into documents: decoding, language, dates, debris, mentions, and the build itself."""
