;;; dateline.el --- Dateline's language server for news articles, through Eglot  -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "28.1") (eglot "1.9"))
;; Keywords: languages, tools
;; SPDX-License-Identifier: MIT OR Apache-2.0

;;; Commentary:

;; Registers `dateline lsp' with Eglot for Markdown and text buffers, and makes a folder holding a
;; `dateline.toml' a project root, so that Eglot starts one server per corpus.  Then `M-x eglot' in an
;; article gives hover (`eldoc'), `xref-find-definitions' (M-.) on event mentions and names,
;; `xref-find-references' (M-?), and the denied claims as Flymake diagnostics.
;;
;;   (add-to-list 'load-path "/path/to/dateline/editors/emacs")
;;   (require 'dateline)
;;   (add-hook 'markdown-mode-hook #'eglot-ensure)   ; optional: start it in every article
;;
;; `dateline-settings' is sent as initialization options; see editors/emacs/README.md.

;;; Code:

(require 'eglot)
(require 'project)
(require 'seq)
(require 'cl-lib)

(defgroup dateline nil
  "Dateline: actors, events and denied claims across news articles."
  :group 'tools
  :prefix "dateline-")

(defcustom dateline-server-command '("dateline" "lsp")
  "The command that starts Dateline's language server."
  :type '(repeat string))

(defcustom dateline-major-modes '(markdown-mode gfm-mode text-mode)
  "Major modes of the buffers Dateline serves."
  :type '(repeat symbol))

(defcustom dateline-settings nil
  "Settings sent to the server as initialization options, as a plist.
For example: (:severity (:denied-claim \"error\" :denial \"off\") :exclude [\"drafts/**\"])."
  :type 'sexp)

(defclass dateline-eglot-server (eglot-lsp-server) ()
  :documentation "Dateline's language server.")

(cl-defmethod eglot-initialization-options ((_server dateline-eglot-server))
  "Send `dateline-settings' to the server."
  (or dateline-settings eglot--{}))

(defun dateline-project-find (dir)
  "The Dateline corpus holding DIR: the nearest folder upwards with a dateline.toml."
  (when-let ((root (locate-dominating-file dir "dateline.toml")))
    (cons 'transient (expand-file-name root))))

(defun dateline-executable-p ()
  "Non-nil when the server command can be started."
  (executable-find (car dateline-server-command)))

;;;###autoload
(defun dateline-register ()
  "Register Dateline with Eglot and `dateline.toml' folders as project roots."
  (add-hook 'project-find-functions #'dateline-project-find)
  (setq eglot-server-programs
        (cons (cons dateline-major-modes (cons 'dateline-eglot-server dateline-server-command))
              (seq-remove (lambda (entry) (and (consp (cdr entry))
                                               (eq (cadr entry) 'dateline-eglot-server)))
                          eglot-server-programs))))

(dateline-register)

(provide 'dateline)
;;; dateline.el ends here
