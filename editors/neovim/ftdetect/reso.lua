-- Filetype `reso`: *.reso files, and *.txt files whose first lines read as a United
-- Nations text (lua/reso/detect.lua: `United Nations`, a symbol such as A/RES/80/6,
-- `Resolution 687 (1991)`, a chapeau such as `The General Assembly,` ...). Other
-- .txt files keep Neovim's own filetype (text, help).
if vim.fn.has("nvim-0.8") == 1 then
  vim.filetype.add({
    extension = { reso = "reso" },
    pattern = {
      -- Patterns are tried before extensions; returning nothing falls through to them.
      [".*%.txt"] = function(_, bufnr)
        if require("reso.detect").buffer(bufnr) then
          return "reso"
        end
      end,
    },
  })
else
  -- Neovim 0.7 detects filetypes with filetype.vim (unless g:do_filetype_lua is set).
  vim.cmd([[
    autocmd BufRead,BufNewFile *.reso setfiletype reso
    autocmd BufRead *.txt lua require("reso.detect").set_if_resolution(tonumber(vim.fn.expand("<abuf>")))
  ]])
end
