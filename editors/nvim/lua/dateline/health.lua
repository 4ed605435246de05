--- `:checkhealth dateline`: the Neovim version, the server binary and its version, and the clients attached.
local M = {}

local health = vim.health or require('health')
local start = health.start or health.report_start
local ok = health.ok or health.report_ok
local warn = health.warn or health.report_warn
local fail = health.error or health.report_error
local info = health.info or health.report_info

function M.check()
  local dateline = require('dateline')
  start('dateline')

  local v = vim.version()
  local version = ('%d.%d.%d'):format(v.major, v.minor, v.patch)
  if vim.lsp.config and vim.lsp.enable then
    ok('Neovim ' .. version .. ': vim.lsp.config / vim.lsp.enable')
  elseif vim.lsp.start then
    ok('Neovim ' .. version .. ': vim.lsp.start (fallback for 0.8–0.10)')
  else
    fail('Neovim ' .. version .. ' is too old: Dateline needs 0.8 or later')
  end

  local exe = dateline.options.cmd[1]
  if vim.fn.executable(exe) ~= 1 then
    fail(("server binary '%s' not found or not executable"):format(exe), {
      'Build it with `cargo build --release` and put target/release/dateline on PATH',
      "or pass require('dateline').setup{ cmd = { '/path/to/dateline', 'lsp' } }",
    })
    return
  end
  local path = vim.fn.exepath(exe)
  local out = vim.fn.system({ exe, '--version' })
  if vim.v.shell_error ~= 0 then
    fail(('server binary %s does not run: %s'):format(path, vim.trim(out)))
    return
  end
  ok(('server binary %s (%s)'):format(path, vim.trim(out)))

  local clients = dateline.clients()
  if #clients == 0 then
    warn('no Dateline client running: open a Markdown or text article inside a corpus')
    return
  end
  for _, client in ipairs(clients) do
    local root = client.config.root_dir or '(no root: single files)'
    local buffers = vim.tbl_count(client.attached_buffers or {})
    ok(('client %d attached to %d buffer(s), root %s, positions %s'):format(
      client.id,
      buffers,
      root,
      client.offset_encoding or '?'
    ))
  end
  info('settings: ' .. vim.inspect(dateline.options.settings, { newline = ' ', indent = '' }))
end

return M
