"""Make a synthetic project with N scam types, for benchmarks.

    python3 bench/gen.py 1000 /tmp/bench-1000

The shared files (config, audiences, channels, rules, prevention, cases, campaigns) are the shipped ones;
the scams are generated with bodies as long as the shipped ones, so Markdown costs what it really costs.
"""

import random
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PHRASES = ["骗子冒充客服打来电话", "要求你先转账", "声称可以高额返利", "发来一个陌生链接", "让你下载一个 App",
           "说你的账户有风险", "要你提供验证码", "以刷单为名让你垫付", "自称是公检法工作人员", "以低价商品引诱"]


def scam_text(number, rng):
    """One synthetic scam file, shaped like the shipped ones."""
    words = lambda n: "，".join(rng.choice(PHRASES) for _ in range(n))
    body = "\n\n".join(f"{words(6)}。**{rng.choice(PHRASES)}**，{words(5)}。" for _ in range(3))
    return f"""---
title: 合成诈骗类型{number}
category: {rng.choice(["常见手法", "高发类型", "专项治理"])}
order: {number}
summary: {words(2)}。
audiences: [学生, 社区居民]
signs:
  - {words(1)}
  - {words(1)}
  - {words(1)}
steps:
  - 立即停止转账
  - 拨打 96110 咨询
  - 钱已转出立即拨打 110
call: ["110", "96110"]
rules: ["new-ten:2", sanbu-yiduo]
quiz:
  - question: {words(1)}，你应该？
    options: [照做, 拒绝并核实, 转给朋友]
    answer: 2
    explanation: {words(2)}。
teacher_notes: {words(3)}。
sources:
  - title: 合成数据
    publisher: 基准测试
    date: 2026-11-01
reviewed: 2026-11-20
---
{body}
"""


def generate(count, target, seed=1):
    """Write a project with `count` synthetic scams into `target` (replaced)."""
    target = Path(target)
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(ROOT / "content", target / "content")
    shutil.copy(ROOT / "config.yaml", target / "config.yaml")
    scams = target / "content/scams"
    keep = {p.name for p in scams.glob("*.md")}  # shipped scams stay: campaigns refer to them
    rng = random.Random(seed)
    for number in range(1, max(0, count - len(keep)) + 1):
        (scams / f"synthetic-{number:05d}.md").write_text(scam_text(number, rng), encoding="utf-8")
    return target


if __name__ == "__main__":
    generate(int(sys.argv[1]), sys.argv[2])
