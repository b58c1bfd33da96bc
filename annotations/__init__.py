"""The document model, decisions, offset map and output formats. No UI imports here."""
