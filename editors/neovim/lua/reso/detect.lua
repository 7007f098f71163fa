-- Is this text a United Nations resolution? Read from how UN texts start, so that
-- a pasted `.txt` gets the filetype reso. The same rules as the VS Code
-- extension's src/detect.ts (a regular expression there, Lua patterns here); both
-- tests run the shared table editors/detect-cases.txt and every real text of
-- tests/fixtures and tests/corpus.
--
-- A first line starts a UN text when, spaces aside, it is:
--   `United Nations`, alone or with the symbol (`United Nations S/RES/1454 (2002)`);
--   a document symbol alone (`A/RES/80/6`, `S/RES/1454 (2002)`, `A/C.2/66/L.51`);
--   `Resolution 687 (1991)`, with its date or not; `Resolution adopted by the General
--   Assembly ...`; a chapeau (`The General Assembly,`) or an organ alone (`Economic and
--   Social Council`); Markdown around the line allowed (`**A/RES/80/6**`, `## United Nations`).
-- A text whose first line is a title is recognised by a chapeau within its first
-- 40 lines.

local M = {}

M.CHAPEAU_WITHIN = 40

local ORGANS = {
  "General Assembly",
  "Security Council",
  "Economic and Social Council",
  "Human Rights Council",
  "Trusteeship Council",
  "Conference of the Parties",
}
local organ = {}
for _, o in ipairs(ORGANS) do
  organ[o] = true
end

-- Document series a symbol may start with (A/..., S/..., E/CN.6/..., ST/SGB/...).
local SERIES = {}
for _, s in ipairs({ "A", "S", "E", "ST", "TD", "DP", "UNEP", "FCCC", "ICCD", "CRC", "CCPR", "CEDAW", "CERD", "CAT" }) do
  SERIES[s] = true
end

--- Spaces (and no-break spaces) folded to one, the ends trimmed, a BOM dropped.
local function normalize(line)
  line = line:gsub("^\239\187\191", ""):gsub("\194\160", " ")
  return (line:gsub("%s+", " "):gsub("^ ", ""):gsub(" $", ""))
end

--- Markdown around a line, as a PDF-to-Markdown tool writes it (`## `, `**`, `_`),
--- taken off: reso reads Markdown drafts too.
local function unmark(l)
  l = l:gsub("^#+ ", "")
  l = l:gsub("^%*%*?", ""):gsub("^__?", "")
  return (l:gsub("%*%*?$", ""):gsub("__?$", ""))
end

--- `A/RES/80/6`, `A/C.2/66/L.51`, `S/2026/123`, `A/ES-11/L.7*`: a known series,
--- `/`-separated parts of letters, digits, `.` and `-`, and a digit somewhere.
local function is_symbol(s)
  s = s:gsub("%*$", "")
  local series, rest = s:match("^(%u+)(/.+)$")
  if not series or not SERIES[series] or not rest:find("%d") then
    return false
  end
  for part in rest:gmatch("/([^/]*)") do
    if not part:match("^[%u%d][%w%.%-]*$") then
      return false
    end
  end
  return rest:sub(-1) ~= "/"
end

--- A symbol, optionally with the year of a Security Council resolution: `S/RES/1454 (2002)`.
local function is_symbol_year(s)
  if is_symbol(s) then
    return true
  end
  local sym = s:match("^(%S+) %(%d%d%d%d%)$")
  return sym ~= nil and is_symbol(sym)
end

local function is_chapeau(l)
  l = unmark(l):gsub("[%*_]+ ?,$", ","):gsub(" ,$", ",")
  local o = l:match("^The (.+),$")
  return o ~= nil and organ[o] == true
end

--- Whether `s` starts with an organ's name, as a whole word.
local function starts_with_organ(s)
  for _, o in ipairs(ORGANS) do
    if s:sub(1, #o) == o and not s:sub(#o + 1, #o + 1):match("[%w_]") then
      return true
    end
  end
  return false
end

--- Whether one line (without its line break) is how a UN text starts.
function M.is_first_line(line)
  local l = normalize(line)
  if l == "" then
    return false
  end
  l = unmark(l)
  if organ[l] or is_chapeau(l) or is_symbol_year(l) or l == "United Nations" then
    return true
  end
  local after = l:match("^United Nations (.+)$")
  if after and is_symbol_year(after) then
    return true
  end
  -- The header's table row read as one line: `United Nations A/RES/80/5 General
  -- Assembly Distr.: General ...` (a word processor's PDF through pymupdf4llm).
  local sym, row = (after or ""):match("^(%S+) (.+)$")
  if sym and is_symbol(sym) then
    row = row:gsub("^%(%d%d%d%d%) ", "")
    if starts_with_organ(row) then
      return true
    end
  end
  local number, date = l:match("^Resolution (%d+) ?%(%d%d%d%d%)(.*)$")
  if number and #number <= 4 and (date == "" or date:match("^ of %d%d? %u%l+ %d%d%d%d$")) then
    return true
  end
  local adopted = l:match("^Resolution adopted by the (.+)$")
  return adopted ~= nil and starts_with_organ(adopted)
end

--- Whether a text is a UN resolution: its first non-blank line starts a UN text,
--- or a chapeau stands alone on one of its first CHAPEAU_WITHIN lines.
--- `lines` is a list of the text's first lines.
--- A line that is only a picture, an image's placeholder or a table's rule, as a
--- converted Word document or web page starts (`![](media/image1.png){width=...}`,
--- `<img ...>`, `<table>`, `[rId9]`, `|---|---|`): passed over when looking for the
--- first line.
local function markup_only(l)
  return l:match("^!%[[^%]]*%]%([^%)]*%)$") ~= nil
    or l:match("^!%[[^%]]*%]%([^%)]*%)%b{}$") ~= nil
    or (l:match("^<") ~= nil and l:gsub("<[^>]*>", ""):match("^%s*$") ~= nil)
    or l:match("^%[[^%]]*%]$") ~= nil
    or l:match("^[%s%-%+=|:]+$") ~= nil
end

function M.looks_like_resolution(lines)
  local seen_text = false
  for i = 1, math.min(#lines, M.CHAPEAU_WITHIN) do
    local l = normalize(lines[i])
    if not seen_text and l ~= "" and not markup_only(l) then
      seen_text = true
      -- A table's cells (`| United Nations | A/RES/80/5 |`, `<td>United
      -- Nations</td>`) read as one line.
      if M.is_first_line((lines[i]:gsub("<[^>]*>", " "):gsub("|", " "))) then
        return true
      end
    end
    if is_chapeau(l) then
      return true
    end
  end
  return false
end

--- Whether a buffer's text is a UN resolution (reads its first lines only).
function M.buffer(bufnr)
  return M.looks_like_resolution(vim.api.nvim_buf_get_lines(bufnr, 0, M.CHAPEAU_WITHIN, false))
end

--- Neovim 0.7 (filetype.vim): a *.txt buffer that reads as a resolution becomes reso
--- (set, not setfiletype: filetype.vim may have named it text already).
function M.set_if_resolution(bufnr)
  if bufnr and vim.api.nvim_buf_is_valid(bufnr) and vim.bo[bufnr].filetype ~= "reso" and M.buffer(bufnr) then
    vim.bo[bufnr].filetype = "reso"
  end
end

return M
