-- User commands of the reso plugin. The server starts once require("reso").setup()
-- has been called (lazy.nvim does it for `opts = {}`).
if vim.g.loaded_reso then
  return
end
vim.g.loaded_reso = true

vim.api.nvim_create_user_command("ResoRenumber", function()
  require("reso").renumber(0)
end, { desc = "reso: Renumber paragraphs and footnotes" })

vim.api.nvim_create_user_command("ResoRestart", function()
  require("reso").restart()
end, { desc = "reso: Restart server" })
