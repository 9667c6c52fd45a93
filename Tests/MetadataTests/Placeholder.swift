// Tests for Metadata arrive with their code.
