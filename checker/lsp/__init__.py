"""`figcheck server`: figcheck as a language server (LSP over stdio), for VS Code, Neovim, Zed and others."""
