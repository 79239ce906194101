-- Sets a new expiry on one entry if its version is the expected one, keeping version and value
-- (see RecordFormat: bytes 10-17 hold expiresAt).
-- KEYS[1]  the entry's name
-- ARGV[1]  the expected version as 8 bytes
-- ARGV[2]  the new expiresAt as 8 bytes
-- ARGV[3]  the native expiry as epoch milliseconds (PXAT), or '0' for none
-- returns 1 if the entry changed, 0 otherwise
local current = redis.call('GET', KEYS[1])
if (not current) or string.sub(current, 2, 9) ~= ARGV[1] then
  return 0
end
local updated = string.sub(current, 1, 9) .. ARGV[2] .. string.sub(current, 18)
if ARGV[3] == '0' then
  redis.call('SET', KEYS[1], updated)
else
  redis.call('SET', KEYS[1], updated, 'PXAT', ARGV[3])
end
return 1
