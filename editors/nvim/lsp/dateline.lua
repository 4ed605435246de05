-- Dateline's language server for Neovim 0.11's `vim.lsp.config`, usable without the plugin:
-- put this folder on 'runtimepath' (or copy this file to ~/.config/nvim/lsp/) and call
-- `vim.lsp.enable('dateline')`. The plugin's `require('dateline').setup{}` does the same and more.
return {
  cmd = { 'dateline', 'lsp' },
  filetypes = { 'markdown', 'text' },
  root_markers = { 'dateline.toml', '.git' },
}
