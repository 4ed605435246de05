;;; emacs_test.el --- Drives editors/emacs/dateline.el with Eglot in batch Emacs  -*- lexical-binding: t; -*-
;; Eglot connects to `dateline lsp' on a copy of the fixture corpus, hover on a surname shows the full
;; name and role, the denied claim reaches Flymake, and definition lands in the other article.
;; Started by emacs.sh with DATELINE_ELISP and DATELINE_CORPUS; exits non-zero on failure.

(package-initialize)
(add-to-list 'load-path (getenv "DATELINE_ELISP"))
(require 'dateline)
(require 'flymake)

(defvar dateline-test-failures 0)
(defun dateline-test-check (ok what &optional detail)
  (princ (format "%s %s%s\n" (if ok "ok  " "FAIL") what
                 (if (and (not ok) detail) (format ": %s" detail) "")))
  (unless ok (setq dateline-test-failures (1+ dateline-test-failures))))

(defun dateline-test-wait (seconds pred)
  "Run the event loop until PRED is non-nil or SECONDS pass; return PRED's value."
  (let ((end (+ (float-time) seconds)) value)
    (while (and (not (setq value (funcall pred))) (< (float-time) end))
      (accept-process-output nil 0.05))
    value))

(defun dateline-test-goto (needle offset)
  (goto-char (point-min))
  (search-forward needle)
  (goto-char (+ (match-beginning 0) offset)))

(let* ((corpus (file-name-as-directory (getenv "DATELINE_CORPUS")))
       (trip (concat corpus "2026-05-04-baltic-herald-trip.md")))
  (dateline-test-check (dateline-executable-p) "the dateline binary is found")
  (find-file trip)
  (text-mode)
  (dateline-test-check (equal (project-root (project-current)) corpus)
                       "the project root is the folder with dateline.toml"
                       (project-root (project-current)))
  (apply #'eglot (eglot--guess-contact))
  (let ((server (dateline-test-wait 15 (lambda () (eglot-current-server)))))
    (dateline-test-check server "eglot connects to dateline lsp")
    (when server
      (dateline-test-check (object-of-class-p server 'dateline-eglot-server)
                           "the server is Dateline's Eglot class")
      ;; diagnostics arrive once the whole corpus is indexed; hover needs the other articles too
      (let ((diag (dateline-test-wait
                   15 (lambda ()
                        (seq-find (lambda (d) (string-search "Maria Saar" (flymake-diagnostic-text d)))
                                  (flymake-diagnostics))))))
        (dateline-test-check diag "Flymake has the denied claim, naming the denier"
                             (mapcar #'flymake-diagnostic-text (flymake-diagnostics))))
      (dateline-test-goto "Lehtinen and Tamm" 3)
      (let* ((hover (jsonrpc-request server :textDocument/hover
                                     (eglot--TextDocumentPositionParams)))
             (contents (plist-get hover :contents))
             (text (if (stringp contents) contents (or (plist-get contents :value) ""))))
        (dateline-test-check (string-search "Aino Lehtinen" text)
                             "hover on the surname shows the full name" text)
        (dateline-test-check (string-search "Finnish Foreign Minister" text)
                             "hover shows the role" text))
      (dateline-test-goto "talks between" 1)
      (let* ((defs (jsonrpc-request server :textDocument/definition
                                    (eglot--TextDocumentPositionParams)))
             (def (if (vectorp defs) (and (> (length defs) 0) (aref defs 0)) defs))
             (uri (or (plist-get def :uri) (plist-get def :targetUri) "")))
        (dateline-test-check (string-suffix-p "2026-05-02-coastal-times-talks.md" uri)
                             "definition lands in the other article" uri))
      (ignore-errors (eglot-shutdown server))))
  (princ (if (zerop dateline-test-failures)
             "emacs: all checks passed\n"
           (format "emacs: %d check(s) failed\n" dateline-test-failures)))
  (kill-emacs (if (zerop dateline-test-failures) 0 1)))
