// Tests for ArchivalStorage arrive with their code.
