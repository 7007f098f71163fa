-- Drafts are prose with one paragraph a line: wrap long lines at word boundaries,
-- and keep the wrapped part of an indented sub-paragraph under its indent.
if vim.b.did_ftplugin then
  return
end
vim.b.did_ftplugin = 1

vim.opt_local.wrap = true
vim.opt_local.linebreak = true
vim.opt_local.breakindent = true
vim.b.undo_ftplugin = "setlocal wrap< linebreak< breakindent<"
