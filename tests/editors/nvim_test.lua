-- Drives the Neovim plugin headless on a copy of the fixture corpus, as a user would with
-- `require('dateline').setup{}`: the client attaches, hover names the actor, the denied claim is a
-- diagnostic, definition lands in the other article, `:checkhealth dateline` is OK, `:help dateline` opens.
-- Started by nvim.sh with DATELINE_PLUGIN (editors/nvim) and DATELINE_CORPUS set; exits non-zero on failure.
local plugin = assert(os.getenv('DATELINE_PLUGIN'), 'DATELINE_PLUGIN not set')
local corpus = assert(os.getenv('DATELINE_CORPUS'), 'DATELINE_CORPUS not set')
vim.opt.runtimepath:prepend(plugin)
vim.cmd('helptags ' .. vim.fn.fnameescape(plugin .. '/doc'))

local failures = 0
local function out(msg)
  io.stdout:write(msg .. '\n')
end
local function check(cond, what, detail)
  if cond then
    out('ok   ' .. what)
  else
    failures = failures + 1
    out('FAIL ' .. what .. (detail and (': ' .. detail) or ''))
  end
end
local function finish()
  out(failures == 0 and 'neovim: all checks passed' or ('neovim: ' .. failures .. ' check(s) failed'))
  vim.cmd(failures == 0 and 'qall!' or 'cquit! 1')
end

-- A hung server must not hang CI.
vim.defer_fn(function()
  out('FAIL timed out after 60 s')
  vim.cmd('cquit! 2')
end, 60000)

local dateline = require('dateline')
check(dateline.setup{} == true, 'setup{} finds the dateline binary')

-- Puts the cursor on the `nth` occurrence of `needle` in the buffer (first character + offset).
local function cursor_on(needle, offset)
  for lnum, line in ipairs(vim.api.nvim_buf_get_lines(0, 0, -1, false)) do
    local col = line:find(needle, 1, true)
    if col then
      vim.api.nvim_win_set_cursor(0, { lnum, col - 1 + (offset or 0) })
      return lnum
    end
  end
  error('text not found in buffer: ' .. needle)
end

local function request(client, method, extra)
  local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
  for k, v in pairs(extra or {}) do
    params[k] = v
  end
  local responses = vim.lsp.buf_request_sync(0, method, params, 10000) or {}
  for _, r in pairs(responses) do
    if r.result then
      return r.result
    end
  end
  return nil
end

vim.api.nvim_create_autocmd('VimEnter', {
  nested = true, -- so that :edit fires FileType and the plugin starts the server
  callback = function()
    vim.cmd('edit ' .. vim.fn.fnameescape(corpus .. '/2026-05-04-baltic-herald-trip.md'))
    local buf = vim.api.nvim_get_current_buf()
    local client
    vim.wait(15000, function()
      client = dateline.clients(buf)[1]
      return client ~= nil and client.initialized
    end, 50)
    check(client ~= nil and client.initialized, 'the client attaches to a Markdown article')
    if not client then
      return finish()
    end
    check(client.config.root_dir == corpus, 'the root is the folder with dateline.toml', client.config.root_dir)

    -- Diagnostics come for the article once the corpus is indexed.
    local denied
    vim.wait(15000, function()
      for _, d in ipairs(vim.diagnostic.get(buf)) do
        if d.code == 'denied-claim' then
          denied = d
        end
      end
      return denied ~= nil
    end, 50)
    check(denied ~= nil, 'vim.diagnostic.get has the denied claim')
    if denied then
      local line = vim.api.nvim_buf_get_lines(buf, denied.lnum, denied.lnum + 1, false)[1]
      check(line:find('reportedly set', 1, true) ~= nil, 'the diagnostic sits on the claim', line)
      check(denied.message:find('Maria Saar', 1, true) ~= nil, 'its message names the denier', denied.message)
    end

    cursor_on('Lehtinen and Tamm', 3)
    local hover = request(client, 'textDocument/hover')
    local text = hover and (type(hover.contents) == 'table' and (hover.contents.value or '') or hover.contents) or ''
    check(text:find('Aino Lehtinen', 1, true) ~= nil, 'hover on the surname shows the full name', text)
    check(text:find('Finnish Foreign Minister', 1, true) ~= nil, 'hover shows the role', text)

    cursor_on('talks between', 1)
    local def = request(client, 'textDocument/definition')
    if def and def[1] then
      def = def[1]
    end
    local uri = def and (def.uri or def.targetUri) or ''
    check(uri:find('2026%-05%-02%-coastal%-times%-talks%.md$') ~= nil, 'definition lands in the other article', uri)
    -- and the jump itself, as `gd` does it
    vim.lsp.buf.definition()
    vim.wait(5000, function()
      return vim.api.nvim_buf_get_name(0):find('coastal%-times') ~= nil
    end, 50)
    local line = vim.api.nvim_get_current_line()
    check(line:find('met Estonian', 1, true) ~= nil, 'gd opens the other article at the defining mention', line)

    vim.cmd('DatelineDenied')
    local qf = vim.fn.getqflist()
    check(#qf >= 1, ':DatelineDenied lists the denied claims in the quickfix list', tostring(#qf))

    vim.cmd('checkhealth dateline')
    local report = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n')
    check(report:find('server binary', 1, true) ~= nil and report:find('dateline 0', 1, true) ~= nil,
      ':checkhealth dateline reports the binary and its version', report)
    check(report:find('client %d+ attached') ~= nil, ':checkhealth dateline reports the attached client', report)
    check(report:find('ERROR') == nil, ':checkhealth dateline has no error', report)
    vim.cmd('bwipeout!')

    local before = client.id
    vim.cmd('edit ' .. vim.fn.fnameescape(corpus .. '/2026-05-04-baltic-herald-trip.md'))
    vim.cmd('DatelineRestart')
    local restarted
    vim.wait(10000, function()
      restarted = dateline.clients(0)[1]
      return restarted ~= nil and restarted.id ~= before and restarted.initialized
    end, 50)
    check(restarted ~= nil and restarted.id ~= before, ':DatelineRestart starts a new client for the open article')

    -- the corpus's dateline.toml: the client attaches, and completes an actor id from the articles
    vim.cmd('edit ' .. vim.fn.fnameescape(corpus .. '/dateline.toml'))
    local tbuf = vim.api.nvim_get_current_buf()
    local tclient
    vim.wait(10000, function()
      tclient = dateline.clients(tbuf)[1]
      return tclient ~= nil and tclient.initialized
    end, 50)
    check(tclient ~= nil, 'the client attaches to the corpus dateline.toml')
    if tclient then
      vim.api.nvim_buf_set_lines(tbuf, 0, -1, false, { '[[actors]]', 'id = "' })
      vim.api.nvim_win_set_cursor(0, { 2, 6 })
      local labels = {}
      vim.wait(5000, function()
        local r = request(tclient, 'textDocument/completion')
        for _, item in ipairs(r and (r.items or r) or {}) do
          labels[item.label] = true
        end
        return labels['aino-lehtinen'] ~= nil
      end, 100)
      check(labels['aino-lehtinen'] ~= nil, 'completion in dateline.toml offers the actor ids of the articles',
        vim.inspect(vim.tbl_keys(labels)))
      vim.cmd('bwipeout!')
    end
    -- and not to other TOML files
    vim.cmd('edit ' .. vim.fn.fnameescape(corpus .. '/other.toml'))
    vim.wait(500, function() return false end, 50)
    check(#dateline.clients(0) == 0, 'other TOML files are left alone')
    vim.cmd('bwipeout!')

    local ok_help = pcall(vim.cmd, 'help dateline-settings')
    check(ok_help and vim.bo.filetype == 'help', ':help dateline-settings opens the help')
    finish()
  end,
})
