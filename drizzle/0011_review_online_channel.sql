-- The 复议机关's online channel for filing a 行政复议 application, printed in letters served online
-- (《行政复议法》第二十二条第二款); null → not set (a warning in 机关设置, letters still go out).
ALTER TABLE "agency_settings" ADD COLUMN "review_online_channel" text;
