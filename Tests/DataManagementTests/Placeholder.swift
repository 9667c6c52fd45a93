// Tests for DataManagement arrive with their code.
