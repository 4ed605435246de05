--- Dateline for Neovim: starts `dateline lsp` on news articles (Markdown and text files) and on the
--- corpus's `dateline.toml` (its mistakes, completion of ids and keys, hover on ids).
---
--- `require('dateline').setup{}` registers the server with `vim.lsp.config` and `vim.lsp.enable` on
--- Neovim 0.11+, and falls back to a FileType autocommand with `vim.lsp.start` on 0.8–0.10. It also adds
--- `:DatelineDenied` (the denied claims of the corpus in the quickfix list) and `:DatelineRestart`.
local M = {}

M.name = 'dateline'

--- The defaults; every key can be overridden in `setup{}`.
M.defaults = {
  -- The command that starts the server; `cmd[1]` must be executable.
  cmd = { 'dateline', 'lsp' },
  -- A TOML buffer is attached only when it is a `dateline.toml`.
  filetypes = { 'markdown', 'text', 'toml' },
  -- The corpus root is the nearest folder upwards holding one of these.
  root_markers = { 'dateline.toml', '.git' },
  -- Sent as initializationOptions and answered to workspace/configuration: severity (per code), include,
  -- exclude, debounceMs. See `:help dateline-settings`.
  settings = {},
  -- Called with (client, bufnr) when the server attaches to a buffer.
  on_attach = nil,
}

M.options = vim.deepcopy(M.defaults)

local function notify(msg, level)
  vim.notify('dateline: ' .. msg, level or vim.log.levels.INFO)
end

--- True when the server command can be started; tells the user why not otherwise.
function M.executable(quiet)
  local exe = M.options.cmd[1]
  if vim.fn.executable(exe) == 1 then
    return true
  end
  if not quiet then
    notify(
      ("'%s' is not executable: build Dateline (cargo build --release) and put it on PATH, "
        .. "or pass setup{ cmd = { '/path/to/dateline', 'lsp' } }"):format(exe),
      vim.log.levels.ERROR
    )
  end
  return false
end

--- The corpus root of a buffer; nil for a buffer the server is not for (unnamed, or TOML other than a
--- corpus's `dateline.toml`).
local function root_dir(bufnr)
  local file = vim.api.nvim_buf_get_name(bufnr)
  if file == '' then
    return nil
  end
  if vim.bo[bufnr].filetype == 'toml' and vim.fs.basename(file) ~= 'dateline.toml' then
    return nil
  end
  local start = vim.fs.dirname(file)
  local found = vim.fs.find(M.options.root_markers, { upward = true, path = start })[1]
  return found and vim.fs.dirname(found) or start
end

local function server_config()
  local o = M.options
  return {
    name = M.name,
    cmd = o.cmd,
    filetypes = o.filetypes,
    -- 0.11: a function, so that other TOML files are left alone (it overrides root_markers)
    root_dir = function(bufnr, on_dir)
      local root = root_dir(bufnr)
      if root then
        on_dir(root)
      end
    end,
    init_options = o.settings,
    settings = { dateline = o.settings },
    on_attach = o.on_attach,
  }
end

--- The clients of this server, on every Neovim from 0.8.
function M.clients(bufnr)
  local get = vim.lsp.get_clients or vim.lsp.get_active_clients
  return get({ name = M.name, bufnr = bufnr })
end

-- Neovim 0.8–0.10: start (or reuse) a client per root from a FileType autocommand.
local function setup_fallback()
  local group = vim.api.nvim_create_augroup('dateline', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = M.options.filetypes,
    callback = function(args)
      if vim.bo[args.buf].buftype ~= '' or not M.executable(true) then
        return
      end
      local root = root_dir(args.buf)
      if not root then
        return
      end
      local config = server_config()
      config.root_dir = root
      vim.lsp.start(config, { bufnr = args.buf })
    end,
  })
end

--- Fills the quickfix list with every denied claim the server reported, across the corpus.
function M.denied_claims()
  local items = {}
  for _, d in ipairs(vim.diagnostic.get(nil)) do
    if d.code == 'denied-claim' or d.code == 'repeats-denied-claim' then
      table.insert(items, {
        bufnr = d.bufnr,
        lnum = d.lnum + 1,
        col = d.col + 1,
        text = d.message,
        type = d.severity == vim.diagnostic.severity.ERROR and 'E' or 'W',
      })
    end
  end
  table.sort(items, function(a, b)
    local fa, fb = vim.api.nvim_buf_get_name(a.bufnr), vim.api.nvim_buf_get_name(b.bufnr)
    if fa ~= fb then
      return fa < fb
    end
    return a.lnum < b.lnum
  end)
  vim.fn.setqflist({}, ' ', { title = 'Dateline: denied claims', items = items })
  return items
end

--- Stops the server's clients; they start again on the next buffer that needs them.
function M.restart()
  local buffers = {}
  for _, client in ipairs(M.clients()) do
    for bufnr in pairs(client.attached_buffers or {}) do
      buffers[bufnr] = true
    end
    client.stop()
  end
  vim.defer_fn(function()
    for bufnr in pairs(buffers) do
      if vim.api.nvim_buf_is_valid(bufnr) then
        vim.api.nvim_exec_autocmds('FileType', { buffer = bufnr })
      end
    end
  end, 500)
end

--- Registers the server. Returns true when it can be started.
function M.setup(opts)
  M.options = vim.tbl_deep_extend('force', vim.deepcopy(M.defaults), opts or {})
  vim.api.nvim_create_user_command('DatelineDenied', function()
    local items = M.denied_claims()
    if #items == 0 then
      notify('no denied claims reported (yet)')
    else
      vim.cmd('copen')
    end
  end, { desc = 'Dateline: list the denied claims in the quickfix list' })
  vim.api.nvim_create_user_command('DatelineRestart', M.restart, { desc = 'Dateline: restart the server' })
  local ok = M.executable(false)
  if vim.lsp.config and vim.lsp.enable then
    vim.lsp.config(M.name, server_config())
    -- 0.11 starts nothing, silently, when cmd[1] is missing: enable only what can start.
    if ok then
      vim.lsp.enable(M.name)
    end
  elseif vim.lsp.start then
    setup_fallback()
  else
    notify('needs Neovim 0.8 or later', vim.log.levels.ERROR)
    return false
  end
  return ok
end

return M
