-- *.reso files are resolution drafts (filetype `reso`).
if vim.filetype and vim.filetype.add then
  vim.filetype.add({ extension = { reso = "reso" } })
end
-- Neovim 0.7 detects filetypes with filetype.vim unless g:do_filetype_lua is set.
vim.cmd([[autocmd BufRead,BufNewFile *.reso setfiletype reso]])
