-- Dateline's language server for Neovim 0.11's `vim.lsp.config`, usable without the plugin:
-- put this folder on 'runtimepath' (or copy this file to ~/.config/nvim/lsp/) and call
-- `vim.lsp.enable('dateline')`. The plugin's `require('dateline').setup{}` does the same and more.
return {
  cmd = { 'dateline', 'lsp' },
  filetypes = { 'markdown', 'text', 'toml' },
  -- the nearest folder with dateline.toml or .git; of TOML files, only a corpus's dateline.toml
  root_dir = function(bufnr, on_dir)
    local file = vim.api.nvim_buf_get_name(bufnr)
    if file == '' or (vim.bo[bufnr].filetype == 'toml' and vim.fs.basename(file) ~= 'dateline.toml') then
      return
    end
    local found = vim.fs.find({ 'dateline.toml', '.git' }, { upward = true, path = vim.fs.dirname(file) })[1]
    on_dir(found and vim.fs.dirname(found) or vim.fs.dirname(file))
  end,
}
