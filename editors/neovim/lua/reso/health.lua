-- :checkhealth reso
local M = {}

local health = vim.health or require("health")
local ok = health.ok or health.report_ok
local warn = health.warn or health.report_warn
local err = health.error or health.report_error
local start = health.start or health.report_start

function M.check()
  start("reso")
  local v = vim.version()
  if vim.fn.has("nvim-0.7") == 1 then
    ok(("Neovim %d.%d.%d"):format(v.major, v.minor, v.patch))
  else
    err("Neovim 0.7 or later is needed")
  end
  local reso = require("reso")
  local cmd = reso.config.cmd
  if vim.fn.executable(cmd[1]) ~= 1 then
    err(("`%s` is not executable: install reso or set cmd in require('reso').setup()"):format(cmd[1]))
    return
  end
  local out = vim.fn.system({ cmd[1], "--version" })
  if vim.v.shell_error == 0 and out:match("^reso") then
    ok(("%s: %s"):format(vim.fn.exepath(cmd[1]), vim.trim(out)))
  else
    err(("`%s --version` failed: %s"):format(cmd[1], vim.trim(out)))
  end
  if #reso.clients(0) == 0 then
    warn("no reso server attached to the current buffer (filetype reso, and setup() called?)")
  end
end

return M
