-- Replaces or removes one entry if its version is the expected one (see RecordFormat).
-- KEYS[1]  the entry's name
-- ARGV[1]  the expected version as 8 bytes, or '' when the key must be absent
-- ARGV[2]  the new record, or '' to remove the entry
-- ARGV[3]  the native expiry as epoch milliseconds (PXAT), or '0' for none
-- returns 1 if the entry changed, 0 otherwise
local current = redis.call('GET', KEYS[1])
if ARGV[1] == '' then
  if current then return 0 end
elseif (not current) or string.sub(current, 2, 9) ~= ARGV[1] then
  return 0
end
if ARGV[2] == '' then
  redis.call('UNLINK', KEYS[1])
elseif ARGV[3] == '0' then
  redis.call('SET', KEYS[1], ARGV[2])
else
  redis.call('SET', KEYS[1], ARGV[2], 'PXAT', ARGV[3])
end
return 1
