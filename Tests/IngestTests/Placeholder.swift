// Tests for Ingest arrive with their code.
