// Tests for Packaging arrive with their code.
