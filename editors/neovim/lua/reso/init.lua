-- reso for Neovim: starts `reso lsp` for buffers of filetype `reso`.
--
--   require("reso").setup({
--     cmd = { "reso", "lsp" },                 -- the server; from your config only
--     settings = {                             -- the `reso` settings object (SPEC section 6)
--       diagnostics = { ["citation-order"] = "off" },
--       catalog = { paths = { "~/un/catalog.tsv" } },
--     },
--   })
--
-- On Neovim 0.11 and later, setup() hands its options to vim.lsp.config("reso")
-- (on top of the plugin's lsp/reso.lua) and calls vim.lsp.enable("reso"); without
-- setup(), `vim.lsp.enable("reso")` alone works too. On 0.8 to 0.10 it starts the
-- server with vim.lsp.start, on 0.7 with vim.lsp.start_client and
-- buf_attach_client. The server command is taken from your config only: never
-- from a project's files, so opening a folder cannot choose the program that
-- runs. `reso.toml` in a project holds data settings, which the server reads.
--
-- The diagnostic pages of the checkout the plugin runs from (docs/diagnostics)
-- are passed to the server as `docs.base`, so that each diagnostic's code links
-- to its page.

local M = {}

local defaults = {
  cmd = { "reso", "lsp" },
  settings = {},
  root_markers = { "reso.toml", ".git" },
  on_attach = nil,
  capabilities = nil,
}

M.config = vim.deepcopy(defaults)

local augroup = nil
local clients_by_root = {} -- Neovim 0.7: one client per root folder
local warned_cmd = false

-- Neovim 0.11 and later: vim.lsp.config and vim.lsp.enable, and client methods
-- called with `:` (the `.` forms are deprecated there).
local has_enable = vim.fn.has("nvim-0.11") == 1 and vim.lsp.config ~= nil and vim.lsp.enable ~= nil

local function call(client, method, ...)
  if has_enable then
    return client[method](client, ...)
  end
  return client[method](...)
end

--- `file://<checkout>/docs/diagnostics` when the plugin runs from a checkout that
--- has the diagnostic pages (editors/neovim is two folders below its root).
function M.docs_base()
  local source = debug.getinfo(1, "S").source:sub(2)
  local root = vim.fn.fnamemodify(source, ":p:h:h:h:h:h")
  local dir = root .. "/docs/diagnostics"
  if vim.fn.isdirectory(dir) == 1 then
    return vim.uri_from_fname(dir)
  end
  return nil
end

--- The user's settings with the docs base added (the user's own `docs.base` wins).
local function with_docs(settings)
  local out = vim.deepcopy(settings or {})
  local base = M.docs_base()
  if base and (type(out.docs) ~= "table" or out.docs.base == nil) then
    out.docs = vim.tbl_extend("force", type(out.docs) == "table" and out.docs or {}, { base = base })
  end
  return out
end

local function notify(msg, level)
  vim.notify("reso: " .. msg, level or vim.log.levels.WARN)
end

local function validate_cmd(cmd)
  if type(cmd) == "string" then
    return { cmd, "lsp" }
  end
  if type(cmd) ~= "table" or #cmd == 0 then
    error("reso.setup: cmd must be a list such as { \"reso\", \"lsp\" }", 3)
  end
  for _, part in ipairs(cmd) do
    if type(part) ~= "string" then
      error("reso.setup: cmd must be a list of strings", 3)
    end
  end
  return vim.deepcopy(cmd)
end

local as_object

local function as_object_copy(value)
  return as_object(with_docs(value))
end

--- Configure the plugin and start the server for `reso` buffers.
function M.setup(opts)
  opts = opts or {}
  if has_enable then
    vim.validate("opts", opts, "table")
    vim.validate("settings", opts.settings, "table", true)
    vim.validate("root_markers", opts.root_markers, "table", true)
    vim.validate("on_attach", opts.on_attach, "function", true)
    vim.validate("capabilities", opts.capabilities, "table", true)
  else
    vim.validate({
      opts = { opts, "table" },
      settings = { opts.settings, "table", true },
      root_markers = { opts.root_markers, "table", true },
      on_attach = { opts.on_attach, "function", true },
      capabilities = { opts.capabilities, "table", true },
    })
  end
  local config = vim.deepcopy(defaults)
  config.cmd = validate_cmd(opts.cmd or defaults.cmd)
  config.settings = vim.deepcopy(opts.settings or {})
  config.root_markers = opts.root_markers or defaults.root_markers
  config.on_attach = opts.on_attach
  config.capabilities = opts.capabilities
  M.config = config
  warned_cmd = false

  if has_enable then
    -- On top of lsp/reso.lua; vim.lsp.enable attaches open reso buffers too.
    local lsp = {
      cmd = config.cmd,
      root_markers = config.root_markers,
      settings = { reso = as_object_copy(config.settings) },
    }
    if config.on_attach then
      lsp.on_attach = config.on_attach
    end
    if config.capabilities then
      lsp.capabilities = config.capabilities
    end
    vim.lsp.config("reso", lsp)
    vim.lsp.enable("reso")
    return
  end

  augroup = vim.api.nvim_create_augroup("reso", { clear = true })
  vim.api.nvim_create_autocmd("FileType", {
    group = augroup,
    pattern = "reso",
    callback = function(args)
      M.attach(args.buf)
    end,
  })
  -- Buffers that were already open when setup() ran.
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(buf) and vim.bo[buf].filetype == "reso" then
      M.attach(buf)
    end
  end
end

--- The folder a buffer belongs to: the nearest one up with a root marker.
function M.root_dir(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local dir = name ~= "" and vim.fn.fnamemodify(name, ":p:h") or vim.fn.getcwd()
  local found = vim.fs and vim.fs.find and vim.fs.find(M.config.root_markers, { path = dir, upward = true })[1]
  if not found then
    for _, marker in ipairs(M.config.root_markers) do
      local hit = vim.fn.findfile(marker, dir .. ";")
      if hit == "" then
        hit = vim.fn.finddir(marker, dir .. ";")
      end
      if hit ~= "" then
        found = vim.fn.fnamemodify(hit, ":p")
        break
      end
    end
  end
  if found then
    return vim.fn.fnamemodify((found:gsub("/$", "")), ":h")
  end
  return dir
end

-- Empty Lua tables would travel as JSON lists (`[]`); the server expects objects.
as_object = function(value, key)
  if type(value) ~= "table" then
    return value
  end
  if next(value) == nil then
    return key == "paths" and {} or vim.empty_dict()
  end
  local out = {}
  for k, v in pairs(value) do
    out[k] = as_object(v, k)
  end
  return out
end

--- The configuration of lsp/reso.lua, for vim.lsp.config on Neovim 0.11 and later:
--- give settings as `settings = { reso = {...} }`; they are also sent as
--- initializationOptions.
function M.lsp_config()
  return {
    cmd = vim.deepcopy(defaults.cmd),
    filetypes = { "reso" },
    root_markers = vim.deepcopy(defaults.root_markers),
    init_options = as_object_copy({}),
    -- Answers workspace/configuration for section "reso".
    settings = { reso = as_object_copy({}) },
    before_init = function(params, config)
      -- What vim.lsp.config("reso", { settings = { reso = ... } }) gave, as the
      -- server's initializationOptions too.
      local reso = config.settings and config.settings.reso or {}
      params.initializationOptions = as_object(vim.tbl_deep_extend("force", config.init_options or {}, reso))
    end,
  }
end

--- The client configuration for a buffer (also usable with vim.lsp.start directly).
function M.client_config(bufnr)
  local root = M.root_dir(bufnr or 0)
  return {
    name = "reso",
    cmd = M.config.cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    init_options = as_object_copy(M.config.settings),
    -- Answers workspace/configuration for section "reso".
    settings = { reso = as_object_copy(M.config.settings) },
    capabilities = M.config.capabilities or vim.lsp.protocol.make_client_capabilities(),
    on_attach = M.config.on_attach,
  }
end

--- Start (or reuse) the server for a buffer and attach it.
function M.attach(bufnr)
  if bufnr == 0 then
    bufnr = vim.api.nvim_get_current_buf()
  end
  local cmd = M.config.cmd
  if vim.fn.executable(cmd[1]) ~= 1 then
    if not warned_cmd then
      warned_cmd = true
      notify(
        ("`%s` is not an executable program. Install reso (so that `reso --version` works) "
          .. "or give its path: require(\"reso\").setup({ cmd = { \"/path/to/reso\", \"lsp\" } })"):format(cmd[1]),
        vim.log.levels.ERROR
      )
    end
    return nil
  end
  local config = M.client_config(bufnr)
  if vim.lsp.start then
    return vim.lsp.start(config, { bufnr = bufnr })
  end
  -- Neovim 0.7
  local id = clients_by_root[config.root_dir]
  local client = id and vim.lsp.get_client_by_id(id)
  if not client or call(client, "is_stopped") then
    id = vim.lsp.start_client(config)
    clients_by_root[config.root_dir] = id
  end
  if id then
    vim.lsp.buf_attach_client(bufnr, id)
  end
  return id
end

--- The reso clients attached to a buffer.
function M.clients(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local found = {}
  if vim.lsp.get_clients then
    found = vim.lsp.get_clients({ bufnr = bufnr, name = "reso" })
  else
    for _, client in pairs(vim.lsp.buf_get_clients(bufnr)) do
      if client.name == "reso" then
        table.insert(found, client)
      end
    end
  end
  return found
end

local function offers(client, command)
  local caps = client.server_capabilities or {}
  local provider = caps.executeCommandProvider
  return type(provider) == "table" and vim.tbl_contains(provider.commands or {}, command)
end

--- :ResoRenumber: renumber paragraphs, sub-paragraphs and footnotes (server command reso.renumber).
function M.renumber(bufnr, on_done)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  local client = M.clients(bufnr)[1]
  if not client then
    notify("no reso server is attached to this buffer (is its filetype reso?)")
    return false
  end
  if not offers(client, "reso.renumber") then
    notify("this reso server does not offer renumbering (reso.renumber); update reso")
    return false
  end
  local params = { command = "reso.renumber", arguments = { vim.uri_from_bufnr(bufnr) } }
  call(client, "request", "workspace/executeCommand", params, function(err, result)
    if err then
      notify("renumbering failed: " .. (err.message or vim.inspect(err)), vim.log.levels.ERROR)
    elseif type(result) == "table" and (result.changes or result.documentChanges) then
      -- The server normally sends workspace/applyEdit; a returned edit is applied here.
      vim.lsp.util.apply_workspace_edit(result, client.offset_encoding or "utf-16")
    end
    if on_done then
      on_done(err, result)
    end
  end, bufnr)
  return true
end

--- :ResoRestart: stop the reso clients and start them again for every reso buffer.
function M.restart()
  local get = vim.lsp.get_clients or vim.lsp.get_active_clients
  for _, client in ipairs(get()) do
    if client.name == "reso" then
      call(client, "stop")
    end
  end
  clients_by_root = {}
  if has_enable then
    -- The enabled config started anew for every open reso buffer, once the old
    -- clients are gone (vim.lsp.enable only starts on FileType).
    vim.defer_fn(function()
      for _, buf in ipairs(vim.api.nvim_list_bufs()) do
        if vim.api.nvim_buf_is_loaded(buf) and vim.bo[buf].filetype == "reso" then
          local config = vim.deepcopy(vim.lsp.config.reso)
          config.name = "reso"
          if config.root_dir == nil then
            local name = vim.api.nvim_buf_get_name(buf)
            config.root_dir = vim.fs.root(buf, config.root_markers or defaults.root_markers)
              or (name ~= "" and vim.fs.dirname(name) or vim.fn.getcwd())
          end
          vim.lsp.start(config, { bufnr = buf })
        end
      end
    end, 500)
    return
  end
  vim.defer_fn(function()
    for _, buf in ipairs(vim.api.nvim_list_bufs()) do
      if vim.api.nvim_buf_is_loaded(buf) and vim.bo[buf].filetype == "reso" then
        M.attach(buf)
      end
    end
  end, 500)
end

return M
