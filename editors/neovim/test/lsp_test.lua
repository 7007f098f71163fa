-- Headless Neovim test of the plugin against the real server.
--
--   RESO_BIN=target/release/reso nvim --headless -u NONE -i NONE -n \
--     -c "luafile editors/neovim/test/lsp_test.lua"
--
-- Loads the plugin from this checkout, opens tests/fixtures/A-RES-66-184.txt as a
-- reso buffer, and checks what a user would see: the opener-unknown diagnostic on
-- OP 4 (with a severity set through the plugin's settings), the diagnostic going
-- away when the word is fixed, hover on an opener and on a citation,
-- renumbering, the syntax groups and the filetype of *.reso. Prints one line per
-- check; exits 1 with a clear message on the first failure or timeout.

local script = debug.getinfo(1, "S").source:sub(2)
local plugin_dir = vim.fn.fnamemodify(script, ":p:h:h")
local repo = vim.fn.fnamemodify(plugin_dir, ":h:h")
local bin = os.getenv("RESO_BIN") or (repo .. "/target/release/reso")
if bin:sub(1, 1) ~= "/" then
  bin = repo .. "/" .. bin
end
local timeout_ms = tonumber(os.getenv("RESO_TIMEOUT_MS") or "") or 30000

local checks = 0
local function say(line)
  io.stdout:write(line .. "\n")
  io.stdout:flush()
end
local function ok(what)
  checks = checks + 1
  say(("ok %d - %s"):format(checks, what))
end

local Fail = {}
local function fail(msg)
  error(setmetatable({ msg = msg }, Fail), 0)
end
local function expect(cond, msg)
  if not cond then
    fail(msg)
  end
end

local function log_tail()
  local path = vim.lsp.get_log_path()
  local f = io.open(path, "r")
  if not f then
    return "(no LSP log)"
  end
  local lines = {}
  for l in f:lines() do
    table.insert(lines, l)
  end
  f:close()
  return ("last lines of %s:\n%s"):format(path, table.concat(vim.list_slice(lines, math.max(1, #lines - 15)), "\n"))
end

--- Waits for cond(); on timeout fails with what() (a message built at that moment).
local function wait_for(ms, cond, what)
  if not vim.wait(ms, cond, 50) then
    fail(what() .. "\n" .. log_tail())
  end
end

local function find_line(buf, pattern)
  for i, l in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    if l:match(pattern) then
      return i - 1, l
    end
  end
  fail(("no line matches %q"):format(pattern))
end

local function diag_code(d)
  return d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
end

local function describe(diags)
  local out = {}
  for _, d in ipairs(diags) do
    table.insert(out, ("  %d:%d %s[%s] %s"):format(d.lnum + 1, d.col + 1, d.source or "?", tostring(diag_code(d)), d.message))
  end
  return #out > 0 and table.concat(out, "\n") or "  (none)"
end

local function opener_unknown_on(buf, lnum)
  for _, d in ipairs(vim.diagnostic.get(buf, { lnum = lnum })) do
    if diag_code(d) == "opener-unknown" then
      return d
    end
  end
end

local function hover_text(result)
  local c = result and result.contents
  if type(c) == "string" then
    return c
  end
  if type(c) == "table" then
    if c.value then
      return c.value
    end
    local parts = {}
    for _, item in ipairs(c) do
      table.insert(parts, type(item) == "string" and item or item.value or "")
    end
    return table.concat(parts, "\n")
  end
  return ""
end

local function run()
  vim.opt.runtimepath:prepend(plugin_dir)
  vim.cmd("filetype on")
  vim.cmd("syntax on")
  vim.cmd("runtime! plugin/reso.lua")
  vim.lsp.set_log_level("warn")
  local v = vim.version()
  expect(vim.fn.executable(bin) == 1, ("the server %s is not an executable file: build it first (cargo build --release -p reso-ls)"):format(bin))
  -- Everything the server tells the user (window/showMessage) is collected: a
  -- setting the plugin sends must not be reported as ignored.
  local notices = {}
  local show = vim.lsp.handlers["window/showMessage"]
  vim.lsp.handlers["window/showMessage"] = function(err, result, ctx, config)
    table.insert(notices, result and result.message or vim.inspect(err))
    return show(err, result, ctx, config)
  end
  -- A severity override, to see the settings arrive: opener-unknown becomes an error.
  require("reso").setup({ cmd = { bin, "lsp" }, settings = { diagnostics = { ["opener-unknown"] = "error" } } })
  ok(("plugin loaded from %s on Neovim %d.%d.%d, server %s"):format(plugin_dir, v.major, v.minor, v.patch, bin))

  -- The seed fixture, as a user opens a .txt draft and sets the language.
  local fixture = repo .. "/tests/fixtures/A-RES-66-184.txt"
  vim.cmd("edit " .. vim.fn.fnameescape(fixture))
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = "reso"

  local reso = require("reso")
  wait_for(10000, function()
    local c = reso.clients(buf)[1]
    return c ~= nil and c.initialized
  end, function()
    return ("the reso client did not attach and initialize within 10 s (cmd: %s lsp)"):format(bin)
  end)
  local client = reso.clients(buf)[1]
  ok("client attached and initialized")

  local op4, line4 = find_line(buf, "^%s*4%.%s+Sresses")
  wait_for(timeout_ms, function()
    return opener_unknown_on(buf, op4) ~= nil
  end, function()
    return ("no opener-unknown diagnostic on line %d (%q) within %d s; diagnostics received:\n%s"):format(
      op4 + 1,
      line4,
      timeout_ms / 1000,
      describe(vim.diagnostic.get(buf))
    )
  end)
  local d = opener_unknown_on(buf, op4)
  local col = line4:find("Sresses", 1, true) - 1
  expect(d.source == "reso", ("diagnostic source is %q, expected \"reso\""):format(tostring(d.source)))
  expect(
    d.col == col and d.end_col == col + #"Sresses" and d.end_lnum == op4,
    ("opener-unknown range is %d:%d-%d:%d, expected the word Sresses at %d:%d-%d:%d"):format(
      d.lnum + 1, d.col + 1, d.end_lnum + 1, d.end_col + 1, op4 + 1, col + 1, op4 + 1, col + 1 + #"Sresses")
  )
  expect(d.message:find("Stresses", 1, true), ("the message does not suggest Stresses: %q"):format(d.message))
  expect(#notices == 0, "the server complained about the settings:\n" .. table.concat(notices, "\n"))
  expect(
    d.severity == vim.diagnostic.severity.ERROR,
    ("severity %s: the setting diagnostics.opener-unknown = error did not reach the server"):format(tostring(d.severity))
  )
  ok(("line %d:%d error[opener-unknown] %s (severity from the plugin's settings)"):format(op4 + 1, col + 1, d.message))

  -- Hover: on an opener (features), then on a citation (citations session).
  local caps = client.server_capabilities or {}
  expect(caps.hoverProvider, "the server does not advertise hoverProvider")
  local function hover_at(lnum, character)
    local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = lnum, character = character } }
    local responses, err = vim.lsp.buf_request_sync(buf, "textDocument/hover", params, 10000)
    expect(responses, ("no hover answer at %d:%d within 10 s (%s)"):format(lnum + 1, character + 1, tostring(err)))
    local text = ""
    for _, r in pairs(responses) do
      expect(not r.err, "hover failed: " .. vim.inspect(r.err))
      text = text .. hover_text(r.result)
    end
    return text
  end
  local function oneline(text)
    return (text:gsub("%s+", " "):sub(1, 200))
  end

  local lnum, line = find_line(buf, "^Recalling its resolutions 56/183 of 21 December 2001")
  local text = hover_at(lnum, 2)
  expect(text:find("Recalling", 1, true) and text:find("preambular", 1, true),
    ("hover on the opener Recalling (line %d) should name its kind; it says:\n%s"):format(lnum + 1, text))
  ok(("hover on Recalling at line %d: %s"):format(lnum + 1, oneline(text)))

  local c0 = line:find("56/183", 1, true) -- 1-based start, so a 0-based position inside the number
  text = hover_at(lnum, c0)
  for _, want in ipairs({ "A/RES/56/183", "21 December 2001", "https://undocs.org/A/RES/56/183" }) do
    expect(text:find(want, 1, true), ("hover on 56/183 (line %d) lacks %q; it says:\n%s"):format(lnum + 1, want, text))
  end
  ok(("hover on 56/183 at line %d: %s"):format(lnum + 1, oneline(text)))

  -- The syntax file, for clients without semantic tokens.
  local function group(lnum, col0)
    return vim.fn.synIDattr(vim.fn.synID(lnum + 1, col0 + 1, 1), "name")
  end
  local pp = find_line(buf, "^Recalling its resolutions 56/183")
  expect(group(pp, 0) == "resoOpenerPreambular", "syntax: Recalling is " .. group(pp, 0))
  expect(group(op4, 0) == "resoOpNumber", "syntax: the OP number is " .. group(op4, 0))
  expect(group(op4, col) == "", "syntax: Sresses should not be an opener, is " .. group(op4, col))
  ok("syntax/reso.vim: Recalling is resoOpenerPreambular, 4. is resoOpNumber, Sresses is plain")

  -- Fix the word as a user would: the diagnostic goes away (incremental sync).
  vim.api.nvim_buf_set_text(buf, op4, col, op4, col + #"Sresses", { "Stresses" })
  wait_for(timeout_ms, function()
    return opener_unknown_on(buf, op4) == nil
  end, function()
    return ("after Sresses -> Stresses the diagnostic on line %d stayed:\n%s"):format(op4 + 1, describe(vim.diagnostic.get(buf, { lnum = op4 })))
  end)
  ok(("after the edit Sresses -> Stresses, line %d has no opener-unknown"):format(op4 + 1))

  -- :ResoRenumber on a scratch draft with a gap in the numbering.
  local scratch = vim.fn.tempname() .. ".reso"
  vim.fn.writefile({
    "The General Assembly,",
    "",
    "Recalling its resolution 65/141 of 20 December 2010,",
    "",
    "1. Decides to act;",
    "",
    "3. Requests the Secretary-General to report.",
  }, scratch)
  vim.cmd("edit " .. vim.fn.fnameescape(scratch))
  local sbuf = vim.api.nvim_get_current_buf()
  expect(vim.bo[sbuf].filetype == "reso", ("*.reso: filetype is %q, expected reso"):format(vim.bo[sbuf].filetype))
  wait_for(10000, function()
    local c = reso.clients(sbuf)[1]
    return c ~= nil and c.initialized
  end, function()
    return "the reso client did not attach to a *.reso buffer within 10 s"
  end)
  ok("*.reso gets filetype reso and the server attaches")
  local scaps = reso.clients(sbuf)[1].server_capabilities or {}
  local cmds = type(scaps.executeCommandProvider) == "table" and scaps.executeCommandProvider.commands or {}
  expect(vim.tbl_contains(cmds, "reso.renumber"), "the server does not offer the command reso.renumber")
  vim.cmd("ResoRenumber")
  wait_for(10000, function()
    return vim.api.nvim_buf_get_lines(sbuf, 6, 7, false)[1]:match("^2%. ") ~= nil
  end, function()
    return ":ResoRenumber did not renumber within 10 s; the draft reads:\n"
      .. table.concat(vim.api.nvim_buf_get_lines(sbuf, 0, -1, false), "\n")
  end)
  ok(":ResoRenumber turned OP 3 into 2")
  os.remove(scratch)
end

local status, e = xpcall(run, function(x)
  if getmetatable(x) == Fail then
    return x.msg
  end
  return debug.traceback(tostring(x), 2)
end)
if status then
  say(("# %d checks passed"):format(checks))
  vim.cmd("qall!")
else
  say("not ok - " .. tostring(e))
  vim.cmd("cquit 1")
end
