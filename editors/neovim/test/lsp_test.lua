-- Headless Neovim test of the plugin against the real server.
--
--   RESO_BIN=target/release/reso nvim --headless -u NONE -i NONE -n \
--     -c "luafile editors/neovim/test/lsp_test.lua"
--
-- Loads the plugin from this checkout, opens tests/fixtures/A-RES-66-184.txt (a
-- .txt that must get the filetype reso by itself), and checks what a user would
-- see: wrapped lines, the opener-unknown diagnostic on OP 4 (with a severity set
-- through the plugin's settings), the diagnostic going away when the word is
-- fixed, hover on an opener and on a citation, renumbering, restarting, the
-- syntax groups and the filetype of *.reso and of other .txt files. The .txt
-- detection runs on the shared table editors/detect-cases.txt and on every real
-- text of the repository (tests/fixtures, tests/corpus, tests/extraction). Any deprecation warning (vim.deprecate, or a message
-- saying "deprecated") fails the test. Prints one line per check; exits 1 with a
-- clear message on the first failure or timeout.

local script = debug.getinfo(1, "S").source:sub(2)
local plugin_dir = vim.fn.fnamemodify(script, ":p:h:h")
local repo = vim.fn.fnamemodify(plugin_dir, ":h:h")
local bin = os.getenv("RESO_BIN") or (repo .. "/target/release/reso")
if bin:sub(1, 1) ~= "/" then
  bin = repo .. "/" .. bin
end
local timeout_ms = tonumber(os.getenv("RESO_TIMEOUT_MS") or "") or 30000

-- Deprecation warnings, collected from the start (before the plugin loads).
local deprecations = {}
do
  local deprecate = vim.deprecate
  vim.deprecate = function(name, alternative, version, plugin, backtrace)
    table.insert(deprecations, ("vim.deprecate(%s, %s, %s)\n%s"):format(
      tostring(name), tostring(alternative), tostring(version), debug.traceback("", 2)))
    return deprecate(name, alternative, version, plugin, backtrace)
  end
  for _, fn in ipairs({ "notify", "notify_once" }) do
    local original = vim[fn]
    vim[fn] = function(msg, ...)
      if type(msg) == "string" and msg:lower():find("deprecat") then
        table.insert(deprecations, ("vim.%s: %s"):format(fn, msg))
      end
      return original(msg, ...)
    end
  end
end

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
  local path = (vim.lsp.log and vim.lsp.log.get_filename) and vim.lsp.log.get_filename() or vim.lsp.get_log_path()
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

local function read_lines(path, n)
  local out = {}
  local f = assert(io.open(path, "r"))
  for l in f:lines() do
    table.insert(out, (l:gsub("\r$", "")))
    if n and #out >= n then
      break
    end
  end
  f:close()
  return out
end

--- The .txt detection on its own: the shared table, every real text, and text
--- that is no resolution.
local function check_detection()
  local detect = require("reso.detect")
  local yes, no, wrong = 0, 0, {}
  for _, l in ipairs(read_lines(repo .. "/editors/detect-cases.txt")) do
    local want, line = l:match("^(%a+): (.*)$")
    if want == "yes" or want == "no" then
      if detect.is_first_line(line) ~= (want == "yes") then
        table.insert(wrong, ("%s: %q"):format(want == "yes" and "missed" or "matched", line))
      end
      if want == "yes" then
        yes = yes + 1
      else
        no = no + 1
      end
      if detect.looks_like_resolution({ line, "", "Some words of a text." }) ~= (want == "yes") then
        table.insert(wrong, ("as a text, %s: %q"):format(want, line))
      end
    end
  end
  expect(yes >= 15 and no >= 15, "editors/detect-cases.txt was not read")
  expect(#wrong == 0, "detection differs from editors/detect-cases.txt:\n" .. table.concat(wrong, "\n"))
  -- The extraction lab's files that are no resolution text.
  local lab_notes = { ["expected.txt"] = true, ["requirements.txt"] = true, ["VERSIONS.txt"] = true }
  local texts = vim.list_extend(
    vim.fn.glob(repo .. "/tests/fixtures/**/*.txt", false, true),
    vim.fn.glob(repo .. "/tests/corpus/**/*.txt", false, true)
  )
  local notes = {}
  for _, f in ipairs(vim.fn.glob(repo .. "/tests/extraction/**/*.txt", false, true)) do
    table.insert(lab_notes[vim.fn.fnamemodify(f, ":t")] and notes or texts, f)
  end
  expect(#texts >= 90, ("found only %d real texts"):format(#texts))
  local missed = {}
  for _, f in ipairs(texts) do
    if not detect.looks_like_resolution(read_lines(f, detect.CHAPEAU_WITHIN)) then
      table.insert(missed, f)
    end
  end
  expect(#missed == 0, "real texts not recognised:\n" .. table.concat(missed, "\n"))
  for _, f in ipairs({ "Cargo.toml", "LICENSE-MIT", "LICENSE-APACHE", "CHANGELOG.md", "editors/vscode/package.json" }) do
    table.insert(notes, repo .. "/" .. f)
  end
  for _, f in ipairs(notes) do
    expect(not detect.looks_like_resolution(read_lines(f, detect.CHAPEAU_WITHIN)), f .. " was taken for a resolution")
  end
  ok(("detection: %d first lines of editors/detect-cases.txt, %d real texts, no false alarm on %d other files"):format(
    yes + no, #texts, #notes))
end

local function run()
  vim.opt.runtimepath:prepend(plugin_dir)
  vim.cmd("filetype plugin on")
  vim.cmd("syntax on")
  vim.cmd("runtime! plugin/reso.lua")
  if vim.lsp.log and vim.lsp.log.set_level then
    vim.lsp.log.set_level("warn")
  else
    vim.lsp.set_log_level("warn")
  end
  local v = vim.version()
  check_detection()
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

  -- On Neovim 0.11 and later, the plugin's lsp/reso.lua is what vim.lsp.enable("reso") reads.
  if vim.fn.has("nvim-0.11") == 1 then
    local lsp = dofile(plugin_dir .. "/lsp/reso.lua")
    expect(vim.deep_equal(lsp.cmd, { "reso", "lsp" }) and vim.deep_equal(lsp.filetypes, { "reso" })
      and vim.deep_equal(lsp.root_markers, { "reso.toml", ".git" }),
      "lsp/reso.lua: " .. vim.inspect(lsp))
    local resolved = vim.lsp.config.reso
    expect(resolved and resolved.cmd[1] == bin and vim.deep_equal(resolved.filetypes, { "reso" }),
      "setup() did not configure vim.lsp.config.reso: " .. vim.inspect(resolved))
    ok("lsp/reso.lua gives cmd, filetypes and root markers; setup() went through vim.lsp.config and vim.lsp.enable")
  end

  -- A .txt of ordinary text keeps Neovim's filetype.
  local notes = vim.fn.tempname() .. ".txt"
  vim.fn.writefile({ "Meeting notes", "", "The General Assembly of the club met on 3 May." }, notes)
  vim.cmd("edit " .. vim.fn.fnameescape(notes))
  expect(vim.bo.filetype == "text", ("a .txt of notes got the filetype %q, expected text"):format(vim.bo.filetype))
  vim.cmd("bwipeout")
  os.remove(notes)

  -- The seed fixture, a .txt as pasted from the PDF: it opens as reso by itself.
  local fixture = repo .. "/tests/fixtures/A-RES-66-184.txt"
  vim.cmd("edit " .. vim.fn.fnameescape(fixture))
  local buf = vim.api.nvim_get_current_buf()
  expect(vim.bo[buf].filetype == "reso", ("%s got the filetype %q, expected reso"):format(fixture, vim.bo[buf].filetype))
  local win = vim.api.nvim_get_current_win()
  expect(vim.wo[win].wrap and vim.wo[win].linebreak and vim.wo[win].breakindent,
    "ftplugin/reso.lua: wrap, linebreak and breakindent are not all set")
  ok("A-RES-66-184.txt opens as reso, with wrap, linebreak and breakindent; a .txt of notes stays text")

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

  -- The diagnostic pages of this checkout reach the server as docs.base.
  local base = reso.docs_base()
  local sent = client.config.init_options
  if vim.fn.isdirectory(repo .. "/docs/diagnostics") == 1 then
    local want = vim.uri_from_fname(repo .. "/docs/diagnostics")
    expect(base == want, ("docs_base() is %s, expected %s"):format(tostring(base), want))
    expect(type(sent) == "table" and type(sent.docs) == "table" and sent.docs.base == want,
      "initializationOptions lack docs.base: " .. vim.inspect(sent))
    -- Where the server links a code, the page is there.
    for _, diag in ipairs(vim.diagnostic.get(buf)) do
      local lsp = diag.user_data and diag.user_data.lsp
      local href = lsp and lsp.codeDescription and lsp.codeDescription.href
      if href then
        expect(href == want .. "/" .. tostring(lsp.code) .. ".md", ("%s links to %s"):format(tostring(lsp.code), href))
        expect(vim.fn.filereadable(vim.uri_to_fname(href)) == 1, href .. " does not exist")
      end
    end
    ok("docs.base " .. want .. " sent to the server")
  else
    expect(base == nil and (type(sent) ~= "table" or sent.docs == nil), "docs.base sent without a docs/diagnostics folder")
    ok("no docs/diagnostics in this checkout: no docs.base sent")
  end

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

  -- :ResoRestart: a new client attaches to the open reso buffers.
  local before = reso.clients(sbuf)[1].id
  vim.cmd("ResoRestart")
  wait_for(10000, function()
    local c = reso.clients(sbuf)[1]
    return c ~= nil and c.id ~= before and c.initialized
  end, function()
    return ":ResoRestart did not bring a new client within 10 s"
  end)
  ok(":ResoRestart started a new client")
  os.remove(scratch)

  local messages = vim.fn.execute("messages")
  for _, l in ipairs(vim.split(messages, "\n")) do
    if l:lower():find("deprecat") then
      table.insert(deprecations, ":messages: " .. l)
    end
  end
  expect(#deprecations == 0, "deprecation warnings:\n" .. table.concat(deprecations, "\n"))
  ok("no deprecation warning")
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
