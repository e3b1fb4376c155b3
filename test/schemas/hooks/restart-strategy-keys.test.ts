/**
 * A restart strategy type named like a built-in object property is an unknown type (the enum check
 * reports it), never a crash of the plan.
 */
import { checkRestartStrategy } from "../../../schemas/hooks/restart-strategy";

test.each(["constructor", "toString", "__proto__", "hasOwnProperty"])(
  "type '%s' with parameters: no exception, nothing reported here",
  (type) => {
    const strategy = { type, delay_sec: 5, max_failures: 3, backoff_multiplier: 2 };
    expect(checkRestartStrategy(strategy, ["flink_user_config", "restart_strategy"], () => false)).toEqual(
      [],
    );
  },
);
