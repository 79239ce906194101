-- Makes a lock's lease end ARGV[2] milliseconds from now if the owner still holds it (see RedisLocks).
-- KEYS[1]  the lock
-- ARGV[1]  the owner
-- ARGV[2]  the new lease in milliseconds
-- returns 1 if extended, 0 if the lock is no longer the owner's
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
