-- Headless test of `vim.lsp.enable("reso")` without the plugin's setup()
-- (Neovim 0.11 and later), as a user configures it:
--
--   RESO_BIN=target/release/reso nvim --headless -u NONE -i NONE -n \
--     -c "luafile editors/neovim/test/enable_test.lua"
--
-- The plugin folder on the runtimepath gives lsp/reso.lua and the filetype; the
-- user's vim.lsp.config adds the command and a setting. Opening the seed .txt
-- must start the server, whose diagnostic shows the setting arrived (the
-- severity of opener-unknown raised to error). Fails on any deprecation warning.

local script = debug.getinfo(1, "S").source:sub(2)
local plugin_dir = vim.fn.fnamemodify(script, ":p:h:h")
local repo = vim.fn.fnamemodify(plugin_dir, ":h:h")
local bin = os.getenv("RESO_BIN") or (repo .. "/target/release/reso")
if bin:sub(1, 1) ~= "/" then
  bin = repo .. "/" .. bin
end

local deprecations = {}
local deprecate = vim.deprecate
vim.deprecate = function(name, ...)
  table.insert(deprecations, "vim.deprecate(" .. tostring(name) .. ")")
  return deprecate(name, ...)
end

local function finish(err)
  local messages = vim.fn.execute("messages")
  for _, l in ipairs(vim.split(messages, "\n")) do
    if l:lower():find("deprecat") then
      table.insert(deprecations, ":messages: " .. l)
    end
  end
  if not err and #deprecations > 0 then
    err = "deprecation warnings:\n" .. table.concat(deprecations, "\n")
  end
  if err then
    io.stdout:write("not ok - " .. err .. "\n")
    vim.cmd("cquit 1")
  end
  io.stdout:write("ok - vim.lsp.enable('reso'): the .txt opened as reso, the server attached, the setting arrived\n")
  io.stdout:write("# 1 checks passed\n")
  vim.cmd("qall!")
end

if vim.fn.has("nvim-0.11") == 0 then
  io.stdout:write("ok - skipped: vim.lsp.enable needs Neovim 0.11\n")
  vim.cmd("qall!")
  return
end

vim.opt.runtimepath:prepend(plugin_dir)
vim.cmd("filetype plugin on")
vim.lsp.config("reso", {
  cmd = { bin, "lsp" },
  settings = { reso = { diagnostics = { ["opener-unknown"] = "error" } } },
})
vim.lsp.enable("reso")

vim.cmd("edit " .. vim.fn.fnameescape(repo .. "/tests/fixtures/A-RES-66-184.txt"))
local buf = vim.api.nvim_get_current_buf()
if vim.bo[buf].filetype ~= "reso" then
  return finish("the seed .txt got the filetype " .. vim.bo[buf].filetype)
end
local found = vim.wait(30000, function()
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
    if code == "opener-unknown" and d.severity == vim.diagnostic.severity.ERROR then
      return true
    end
  end
  return false
end, 50)
if not found then
  local clients = vim.lsp.get_clients({ bufnr = buf, name = "reso" })
  return finish(("no opener-unknown error within 30 s (%d reso clients attached; %d diagnostics)"):format(
    #clients, #vim.diagnostic.get(buf)))
end
local client = vim.lsp.get_clients({ bufnr = buf, name = "reso" })[1]
if client.config.cmd[1] ~= bin then
  return finish("the client runs " .. tostring(client.config.cmd[1]))
end
finish(nil)
