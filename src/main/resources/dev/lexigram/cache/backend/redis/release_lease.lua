-- Releases a lease of loading a key if the releasing holder still holds it (see RedisLeases).
-- KEYS[1]  the lease's name
-- ARGV[1]  the holder's token, as written by SET NX PX
-- returns 1 if the lease was deleted, 0 if it had run out or belongs to another holder
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
