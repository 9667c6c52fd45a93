// Tests for KhoCLI arrive with their code.
