resource "flink_application_version" "v1" {
  project        = flink_application.clicks.project
  service_name   = flink_application.clicks.service_name
  application_id = flink_application.clicks.application_id

  source {
    integration_id = flink_service_integration.kafka.integration_id
    create_table   = <<-SQL
      CREATE TABLE clicks (
        user_id STRING,
        url STRING,
        ts TIMESTAMP(3),
        WATERMARK FOR ts AS ts - INTERVAL '5' SECOND
      ) WITH (
        'connector' = 'kafka',
        'properties.bootstrap.servers' = '',
        'topic' = 'clicks',
        'scan.startup.mode' = 'earliest-offset',
        'value.format' = 'json'
      )
    SQL
  }

  sink {
    integration_id = flink_service_integration.postgres.integration_id
    create_table   = <<-SQL
      CREATE TABLE clicks_per_minute (
        url STRING,
        window_start TIMESTAMP(3),
        clicks BIGINT,
        PRIMARY KEY (url, window_start) NOT ENFORCED
      ) WITH (
        'connector' = 'jdbc',
        'url' = 'jdbc:postgresql://',
        'table-name' = 'public.clicks_per_minute'
      )
    SQL
  }

  statement = <<-SQL
    INSERT INTO clicks_per_minute
    SELECT url, window_start, COUNT(*) AS clicks
    FROM TABLE(TUMBLE(TABLE clicks, DESCRIPTOR(ts), INTERVAL '1' MINUTE))
    GROUP BY url, window_start, window_end
  SQL

  # Versions are immutable: a change creates a new one. Create it before the old one is deleted,
  # so the deployment can hand its job over to the new version first.
  lifecycle {
    create_before_destroy = true
  }
}
