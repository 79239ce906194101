-- Grants a lock with the next fencing token, in one atomic step (see RedisLocks).
-- KEYS[1]  the lock
-- KEYS[2]  its fencing counter (the same hash slot: both names carry the lock's hash tag)
-- ARGV[1]  the owner, unique per acquisition
-- ARGV[2]  the lease in milliseconds
-- returns the fencing token, or 0 if another owner holds the lock
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return redis.call('INCR', KEYS[2])
end
return 0
