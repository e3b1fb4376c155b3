/**
 * The regression set of flink-rules.md §3.4: valid Flink SQL the parser must accept, valid SQL it
 * wrongly rejects (must come back as warnings only), and invalid SQL it must reject.
 */
export const VALID: Record<string, string> = {
  "watermark, metadata, computed": `CREATE TABLE orders (
  order_id BIGINT,
  price DECIMAL(10, 2),
  ts TIMESTAMP(3),
  part INT METADATA FROM 'partition' VIRTUAL,
  kafka_ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp',
  cost AS price * 1.2,
  WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
) WITH ('connector' = 'kafka', 'topic' = 'orders', 'format' = 'json')`,
  "ARRAY/MAP/ROW, backticks, COMMENT":
    "CREATE TABLE `my-table` (`a b` ARRAY<STRING>, m MAP<STRING, INT>, r ROW<x INT, y STRING> COMMENT 'nested') COMMENT 'tbl' WITH ('connector' = 'datagen')",
  "PARTITIONED BY, catalog.db.table, IF NOT EXISTS":
    "CREATE TABLE IF NOT EXISTS cat.db.events (a INT, dt STRING) PARTITIONED BY (dt) WITH ('connector' = 'blackhole')",
  "SOURCE_WATERMARK()":
    "CREATE TABLE s (ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp', WATERMARK FOR ts AS SOURCE_WATERMARK()) WITH ('connector' = 'kafka')",
  "upsert-kafka with PK":
    "CREATE TABLE u (id BIGINT, v STRING, PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' = 'upsert-kafka', 'topic' = 'u', 'key.format' = 'json', 'value.format' = 'json')",
  jdbc: "CREATE TABLE pg (id BIGINT, name STRING, PRIMARY KEY (id) NOT ENFORCED) WITH ('connector' = 'jdbc', 'url' = 'jdbc:postgresql://', 'table-name' = 'public.pg')",
  CTAS: "CREATE TABLE copy WITH ('connector' = 'print') AS SELECT * FROM orders",
  "legacy GROUP BY TUMBLE":
    "INSERT INTO s SELECT TUMBLE_START(ts, INTERVAL '1' MINUTE), TUMBLE_END(ts, INTERVAL '1' MINUTE), COUNT(*) FROM orders GROUP BY TUMBLE(ts, INTERVAL '1' MINUTE)",
  "TUMBLE TVF":
    "INSERT INTO s SELECT window_start, window_end, SUM(price) FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '10' MINUTES)) GROUP BY window_start, window_end",
  "HOP TVF":
    "INSERT INTO s SELECT window_start, SUM(price) FROM TABLE(HOP(TABLE orders, DESCRIPTOR(ts), INTERVAL '5' MINUTES, INTERVAL '10' MINUTES)) GROUP BY window_start, window_end",
  "CUMULATE TVF + window Top-N": `INSERT INTO s SELECT * FROM (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY window_start, window_end ORDER BY price DESC) AS rownum
  FROM TABLE(CUMULATE(TABLE orders, DESCRIPTOR(ts), INTERVAL '2' MINUTES, INTERVAL '10' MINUTES))
) WHERE rownum <= 3`,
  "lookup join":
    "INSERT INTO s SELECT o.order_id, c.name FROM orders AS o JOIN customers FOR SYSTEM_TIME AS OF o.proc_time AS c ON o.customer_id = c.id",
  "versioned temporal join":
    "INSERT INTO s SELECT o.order_id, r.rate FROM orders AS o LEFT JOIN rates FOR SYSTEM_TIME AS OF o.ts AS r ON o.currency = r.currency",
  "interval join":
    "INSERT INTO s SELECT o.id FROM orders o, shipments sh WHERE o.id = sh.order_id AND o.ts BETWEEN sh.ts - INTERVAL '4' HOUR AND sh.ts",
  "dedup ROW_NUMBER":
    "INSERT INTO s SELECT order_id, price FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY order_id ORDER BY ts ASC) AS rn FROM orders) WHERE rn = 1",
  "OVER RANGE INTERVAL":
    "INSERT INTO s SELECT order_id, SUM(price) OVER (PARTITION BY product ORDER BY ts RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW) AS total FROM orders",
  MATCH_RECOGNIZE: `INSERT INTO s SELECT * FROM ticker MATCH_RECOGNIZE (
  PARTITION BY symbol ORDER BY ts
  MEASURES START_ROW.ts AS start_ts, LAST(PRICE_DOWN.ts) AS bottom_ts
  ONE ROW PER MATCH AFTER MATCH SKIP TO LAST PRICE_UP
  PATTERN (START_ROW PRICE_DOWN+ PRICE_UP)
  DEFINE PRICE_DOWN AS PRICE_DOWN.price < START_ROW.price, PRICE_UP AS PRICE_UP.price > START_ROW.price
) MR`,
  "statement set":
    "EXECUTE STATEMENT SET BEGIN INSERT INTO a SELECT * FROM orders; INSERT INTO b SELECT * FROM orders; END;",
  SET: "SET 'table.exec.state.ttl' = '1 h'",
  "temporary view + CTE":
    "CREATE TEMPORARY VIEW v AS SELECT * FROM orders;\nINSERT INTO s WITH big AS (SELECT * FROM v WHERE price > 10) SELECT * FROM big",
  "CROSS JOIN UNNEST": "INSERT INTO s SELECT o.id, t.tag FROM orders o CROSS JOIN UNNEST(o.tags) AS t (tag)",
  "JSON_VALUE RETURNING":
    "INSERT INTO s SELECT JSON_VALUE(payload, '$.n' RETURNING INT DEFAULT 0 ON EMPTY) FROM orders",
  hints:
    "INSERT INTO s SELECT /*+ LOOKUP('table'='c', 'async'='true') */ o.id FROM orders /*+ OPTIONS('scan.startup.mode'='earliest-offset') */ o",
  "CREATE FUNCTION": "CREATE TEMPORARY FUNCTION parse_ua AS 'com.example.ParseUa' LANGUAGE JAVA",
  "CREATE CATALOG": "CREATE CATALOG pg WITH ('type' = 'jdbc')",
  "ALTER TABLE SET": "ALTER TABLE orders SET ('scan.startup.mode' = 'latest-offset')",
  "INSERT VALUES": "INSERT INTO s VALUES (1, 'a'), (2, 'b')",
  "INSERT with columns": "INSERT INTO s (id, name) SELECT id, name FROM orders",
};

/** Valid SQL that dt-sql-parser 4.5.1 rejects. */
export const FALSE_POSITIVES: Record<string, string> = {
  SESSION:
    "INSERT INTO s SELECT window_start, COUNT(*) FROM TABLE(SESSION(TABLE orders PARTITION BY user_id, DESCRIPTOR(ts), INTERVAL '5' MINUTES)) GROUP BY window_start, window_end",
  "SESSION without PARTITION BY":
    "INSERT INTO s SELECT window_start, COUNT(*) FROM TABLE(SESSION(TABLE orders, DESCRIPTOR(ts), INTERVAL '5' MINUTES)) GROUP BY window_start, window_end",
  "LIKE with watermark only":
    "CREATE TABLE x (WATERMARK FOR ts AS ts - INTERVAL '1' SECOND) WITH ('connector' = 'kafka') LIKE orders",
  "LIKE without column list": "CREATE TABLE x WITH ('connector' = 'kafka') LIKE orders (EXCLUDING OPTIONS)",
  EXTRACT: "INSERT INTO s SELECT EXTRACT(HOUR FROM ts) FROM orders",
  TRIM: "INSERT INTO s SELECT TRIM(BOTH ' ' FROM name) FROM orders",
  SUBSTRING: "INSERT INTO s SELECT SUBSTRING(name FROM 1 FOR 2) FROM orders",
  FILTER: "INSERT INTO s SELECT COUNT(order_id) FILTER (WHERE price > 10) FROM orders",
  CHAR_LENGTH: "INSERT INTO s SELECT CHAR_LENGTH(name) FROM orders",
};

/** Invalid SQL and the line of the error. */
export const INVALID: Record<string, { sql: string; line: number }> = {
  "FORM typo": { sql: "INSERT INTO s\nSELECT a\nFORM t", line: 3 },
  "WATERMARK without FOR": {
    sql: "CREATE TABLE t (\n  ts TIMESTAMP(3),\n  WATERMARK ts AS ts\n) WITH ('connector' = 'kafka')",
    line: 3,
  },
  "missing )": { sql: "INSERT INTO s SELECT a FROM t WHERE (a > 1", line: 1 },
  SELEC: { sql: "INSERT INTO s\nSELEC a FROM t", line: 2 },
  "trailing comma before FROM": { sql: "INSERT INTO s\nSELECT a, b,\nFROM t", line: 3 },
  "unquoted WITH values": { sql: "CREATE TABLE t (a INT) WITH (\n  'connector' = kafka\n)", line: 2 },
  "PRIMARY KEY without NOT ENFORCED": {
    sql: "CREATE TABLE t (\n  a INT,\n  PRIMARY KEY (a)\n) WITH ('connector' = 'kafka')",
    line: 4,
  },
};
