-- Releases a lock if the owner still holds it (see RedisLocks).
-- KEYS[1]  the lock
-- ARGV[1]  the owner
-- returns 1 if released, 0 if the lock is no longer the owner's
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
