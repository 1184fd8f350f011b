# METADATA
# title: No deprecated cryptography in code and configuration
# description: |
#   The MFDS cybersecurity guidance asks for secure, standardised cryptography (DC-03) and
#   recommended protocols. samdscan searches the product's source files and configuration files
#   (test files and vendored, third-party or fixture folders aside) for deprecated primitives
#   and settings: MD5 and SHA-1 hashing, DES, 3DES and RC4, ECB mode, RSA keys under 2048 bits,
#   SSL and TLS older than 1.2, disabled certificate validation (verify=False,
#   InsecureSkipVerify, rejectUnauthorized: false, CERT_NONE) and hard-coded IVs. A pattern
#   cannot tell a security use from a checksum (a git object id is SHA-1 too), so each finding
#   is a warning to review; a reviewed use is waived, or marked on its line with
#   `samdscan:allow crypto`. For class C software a cryptographic inventory is expected too: a
#   CycloneDX SBOM with cryptographic-asset components (a CBOM).
# custom:
#   ko:
#     title: "코드와 설정에 취약한(사용 중단된) 암호 사용 없음"
#     description: |
#       식약처 의료기기 사이버보안 가이드라인은 안전한 표준 암호 사용(DC-03)과 권장 프로토콜을 요구합니다.
#       samdscan은 제품의 소스 파일과 설정 파일(테스트 파일, vendor·third-party·fixture 폴더 제외)에서
#       사용이 중단된 암호 요소와 설정을 찾습니다: MD5·SHA-1 해시, DES·3DES·RC4, ECB 모드, 2048비트 미만
#       RSA 키, TLS 1.2 미만의 SSL/TLS, 인증서 검증 해제(verify=False, InsecureSkipVerify,
#       rejectUnauthorized: false, CERT_NONE), 하드코딩된 IV. 패턴만으로는 보안 용도와 체크섬(git 객체
#       id도 SHA-1)을 구별할 수 없으므로 각 결과는 검토할 경고입니다. 검토한 사용은 예외(waiver)로
#       처리하거나 그 줄에 `samdscan:allow crypto`를 적으십시오. 소프트웨어 안전성 등급 C에는 암호 자산
#       목록(cryptographic-asset 구성요소가 있는 CycloneDX SBOM, 즉 CBOM)도 요구됩니다.
#     recommended_action: |
#       SHA-256 이상, AES-GCM 또는 ChaCha20-Poly1305, 2048비트 이상(3072비트 권장) RSA 또는 ECDSA
#       P-256, TLS 1.2 이상으로 바꾸고, 인증서 검증을 켜 두고(사설 CA는 신뢰 저장소에 추가), IV와
#       nonce는 메시지마다 무작위로 만드십시오. 보안 용도가 아닌 사용(체크섬, git 객체 id)은 근거와 함께
#       예외 처리하십시오. 등급 C 제품은 SBOM에 cryptographic-asset 구성요소(CBOM)를 추가하십시오.
#     applies: "네트워크 연결 제품."
#     escalation: "경고입니다: 패턴 검출은 보안 용도와 체크섬을 구별하지 못하므로(카탈로그의 정밀도 한계) 검토할 항목입니다."
#   id: MFDS-CYB-013
#   severity: warning
#   precision: medium
#   since: 0.2.0
#   pillar: P2
#   status: established
#   evidence: [crypto_use, profile]
#   applies: Connected products.
#   escalation: "Warning: a pattern match cannot tell a security use from a checksum (the catalogue's stated false positives), so a hit is a finding to review."
#   security_severity: 5.5
#   recommended_action: |
#     Move to SHA-256 or better, AES-GCM or ChaCha20-Poly1305, RSA of at least 2048 bits (3072
#     recommended) or ECDSA P-256, and TLS 1.2 or later; keep certificate validation on (add a
#     private CA to the trust store instead); generate a random IV or nonce per message. Waive a
#     non-security use (a checksum, a git object id) with its reason. For class C software, add
#     cryptographic-asset components (a CBOM) to the SBOM.
#   references:
#     - {source: "MFDS medical device cybersecurity approval/review guideline (revised 2024-11-27 and 2025-01-10)", clause: "DC-03", title: "Use of secure cryptography"}
#     - {source: "IEC 81001-5-1:2021", clause: "5.5.1", title: "Secure coding standards"}
#     - {source: "CycloneDX 1.6 (ECMA-424, 2024)", title: "Cryptography Bill of Materials (CBOM)"}
package samdscan.mfds.cyb.cryptography_hygiene

import data.samdscan.lib.profile
import rego.v1

applicable := false if not profile.connected

not_applicable_because contains {"msg": "the profile does not declare a connected product", "msg_ko": "제품 프로필에 네트워크 연결 제품이 선언되지 않았습니다"} if not profile.connected

hits := h if {
	h := input.crypto_use.hits
	is_array(h)
} else := []

# What each kind of hit is, and what to use instead.
advice_en := {
	"weak_hash": "a broken hash if used for security (signatures, passwords, integrity): use SHA-256 or better",
	"weak_cipher": "a broken cipher: use AES-GCM or ChaCha20-Poly1305",
	"ecb_mode": "ECB mode leaks patterns: use an authenticated mode such as GCM with a random IV",
	"short_rsa_key": "an RSA key under 2048 bits: use 3072 bits or ECDSA P-256",
	"old_tls": "a protocol older than TLS 1.2: require TLS 1.2 or later",
	"no_cert_validation": "certificate validation turned off: keep it on and trust a private CA explicitly",
	"static_iv": "a fixed IV or nonce: generate a random one per message",
}

advice_ko := {
	"weak_hash": "보안 용도(서명, 비밀번호, 무결성)라면 취약한 해시입니다: SHA-256 이상을 사용하십시오",
	"weak_cipher": "취약한 암호입니다: AES-GCM 또는 ChaCha20-Poly1305를 사용하십시오",
	"ecb_mode": "ECB 모드는 패턴을 노출합니다: GCM 같은 인증 모드와 무작위 IV를 사용하십시오",
	"short_rsa_key": "2048비트 미만 RSA 키입니다: 3072비트 또는 ECDSA P-256을 사용하십시오",
	"old_tls": "TLS 1.2보다 오래된 프로토콜입니다: TLS 1.2 이상을 요구하십시오",
	"no_cert_validation": "인증서 검증이 꺼져 있습니다: 켜 두고 사설 CA는 명시적으로 신뢰하십시오",
	"static_iv": "고정된 IV 또는 nonce입니다: 메시지마다 무작위로 만드십시오",
}

deny contains f if {
	some h in hits
	f := {
		"msg": sprintf("%s in %s line %d: %s", [h.construct, h.path, h.line, advice_en[h.kind]]),
		"msg_ko": sprintf("%s %d번째 줄의 %s: %s", [h.path, h.line, h.construct, advice_ko[h.kind]]),
		"path": h.path,
		"line": h.line,
		"key": sprintf("%s|%s|%s|%d", [h.kind, h.construct, h.path, h.occurrence]),
	}
}

inventories := i if {
	i := input.crypto_use.inventories
	is_array(i)
} else := []

has_crypto_inventory if {
	some s in inventories
	s.crypto_assets > 0
}

deny contains f if {
	"C" in profile.classes
	not has_crypto_inventory
	f := {
		"msg": "a software system is of safety class C but no SBOM lists cryptographic-asset components (a CycloneDX CBOM inventory of the algorithms, keys, certificates and protocols the product uses)",
		"msg_ko": "소프트웨어 안전성 등급 C인 시스템이 있으나 cryptographic-asset 구성요소를 나열한 SBOM이 없습니다(제품이 쓰는 알고리즘, 키, 인증서, 프로토콜의 CycloneDX CBOM 목록)",
		"path": input.config.path,
		"line": profile.config_line("product.software_systems"),
		"key": "crypto-inventory",
	}
}

not_evaluated contains {"msg": "the search for deprecated cryptography was cut short (more than 200 hits); the hits beyond are unjudged", "msg_ko": "취약한 암호 사용 검색이 중간에 끊겼습니다(200건 초과). 그 이후의 검출은 판단되지 않았습니다"} if input.crypto_use.truncated == true

not_evaluated contains {"msg": sprintf("%d source or configuration files were too large to search (over 1 MiB); see the diagnostics", [n]), "msg_ko": sprintf("소스 또는 설정 파일 %d개가 너무 커서(1 MiB 초과) 검색하지 못했습니다. 진단 메시지를 확인하십시오", [n])} if {
	n := input.crypto_use.too_large
	n > 0
}
